import {
  LOOT_ROLL_MS,
  lootRights,
  lootTableById,
  rollLoot,
  type LootMode,
  type LootRights,
  type Rarity,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { getLiveCharacter } from '../characters/get-owned-character';
import { groundOwner, sourceOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordItem } from '../ledger/record-item';
import { newLedgerRef } from '../ledger/ref';
import { dropTimers } from './drop-timers';
import { scatterAround } from './scatter';
import { zoneBounds } from './zone-bounds';
import { dropInclude, toZoneDrop, type ZoneDrop } from './zone-drop';
import { assertZoneOwner, type ZoneFence } from '../cluster/zone-ownership';
import { inTransaction } from '../core/transaction';

export interface CreateLootDropInput {
  zoneId: string;
  /** metres: where the loot fell (a crate, a corpse, an admin's feet) */
  x: number;
  y: number;
  tableId: string;
  level: number;
  /** may pick the drops up alone until freeAt and receives the eddies; null: free for all, no eddies */
  ownerCharacterId: string | null;
  /** ledger source: `loot` (default) or `admin` for drops an admin spawned */
  reason?: 'loot' | 'admin';
  activeQuestIds?: readonly string[];
  /** the lease token of the zone it falls in (refused once another process owns it) */
  fence?: ZoneFence | undefined;
  /** a party kill: its loot mode decides each drop's rights (shared rules/party-loot.ts) */
  party?: PartyLoot | undefined;
}

export interface PartyLoot {
  partyId: string;
  mode: LootMode;
  threshold: Rarity;
  leaderId: string;
  /** the members sharing the kill (need/greed rolls are theirs), sorted */
  sharers: string[];
}

export interface LootDropResult {
  drops: ZoneDrop[];
  /** credited straight to the owner (ledger `loot`), not dropped on the ground */
  eddies: number;
}

/**
 * Rolls a loot table and puts what it gives on the ground, in one transaction:
 * one GROUND item (ledger source) plus one WorldDrop per stack, scattered around
 * (x, y). Rolled eddies go straight to the owner's balance through the currency
 * ledger — eddies are not items, and a wallet needs no bag space.
 */
export async function createLootDrop(
  deps: Pick<GameDeps, 'db' | 'clock' | 'rng'>,
  input: CreateLootDropInput,
): Promise<LootDropResult> {
  checkLootInput(input);
  return inTransaction(deps.db, async (tx) => {
    await assertZoneOwner(tx, input.fence);
    return createLootDropTx(tx, deps, input);
  });
}

/** One drop's rights: the owner alone, or by the party's loot mode. */
function dropRights(input: CreateLootDropInput, rarity: Rarity): LootRights {
  const owner = input.ownerCharacterId;
  if (!input.party || !owner) return { owner, shared: false, roll: false };
  return lootRights(input.party.mode, rarity, input.party.threshold, {
    owner,
    leaderId: input.party.leaderId,
  });
}

/** Unknown zone or table: NOT_FOUND, before anything is rolled or written. */
function checkLootInput(input: CreateLootDropInput) {
  zoneBounds(input.zoneId);
  if (!lootTableById(input.tableId))
    throw new DomainError(
      'NOT_FOUND',
      `loot table ${input.tableId} not found`,
      'Unknown loot table',
    );
}

/** createLootDrop's work inside the caller's transaction (awardKill drops loot with the XP). */
export async function createLootDropTx(
  tx: Tx,
  deps: Pick<GameDeps, 'clock' | 'rng'>,
  input: CreateLootDropInput,
): Promise<LootDropResult> {
  checkLootInput(input);
  const bounds = zoneBounds(input.zoneId);
  const reason = input.reason ?? 'loot';
  const roll = rollLoot(input.tableId, {
    level: input.level,
    rng: deps.rng,
    activeQuestIds: [...(input.activeQuestIds ?? [])],
  });
  const eddies = input.ownerCharacterId ? roll.eddies : 0;
  const ref = newLedgerRef();
  const { freeAt, despawnAt } = dropTimers(deps.clock);

  if (input.ownerCharacterId) {
    // WorldDrop.ownerCharacterId has no foreign key: a bad owner must fail here, not lock the loot
    await getLiveCharacter({ db: tx }, input.ownerCharacterId, { id: true });
  }
  const templates = await tx.itemTemplate.findMany({
    where: { id: { in: roll.items.map((i) => i.templateId) } },
  });
  const byId = new Map(templates.map((t) => [t.id, t]));
  // a rolled quantity above the stack size lies as several stacks
  const stacks: { templateId: string; quantity: number; durability: number | null }[] = [];
  for (const rolled of roll.items) {
    const t = byId.get(rolled.templateId);
    if (!t) throw new Error(`loot table ${input.tableId} rolled unknown item ${rolled.templateId}`);
    for (let left = rolled.quantity; left > 0; left -= t.stackSize) {
      stacks.push({
        templateId: t.id,
        quantity: Math.min(left, t.stackSize),
        durability: t.maxDurability,
      });
    }
  }
  const spots = scatterAround(input, stacks.length, deps.rng, bounds);

  const drops: ZoneDrop[] = [];
  for (const [i, s] of stacks.entries()) {
    const item = await tx.item.create({
      data: { ...s, container: 'GROUND', slot: 0 },
    });
    await recordItem(tx, {
      reason,
      itemId: item.id,
      templateId: s.templateId,
      quantityDelta: s.quantity,
      fromOwner: sourceOwner(reason),
      toOwner: groundOwner(input.zoneId),
      ref,
    });
    const at = spots[i] ?? input;
    const rarity = closedSet.ItemTemplate.rarity.parse(byId.get(s.templateId)!.rarity);
    const rights = dropRights(input, rarity);
    const drop = await tx.worldDrop.create({
      data: {
        zoneId: input.zoneId,
        x: at.x,
        y: at.y,
        itemId: item.id,
        ownerCharacterId: rights.owner,
        partyId: rights.shared ? (input.party?.partyId ?? null) : null,
        rollUntil: rights.roll ? new Date(deps.clock.ms() + LOOT_ROLL_MS) : null,
        freeAt,
        despawnAt,
      },
      include: dropInclude,
    });
    if (rights.roll && input.party)
      await tx.lootRoll.createMany({
        data: input.party.sharers.map((characterId) => ({ dropId: drop.id, characterId })),
      });
    drops.push(toZoneDrop(drop));
  }
  if (input.ownerCharacterId && eddies > 0) {
    await recordCurrency(tx, { reason, characterId: input.ownerCharacterId, delta: eddies, ref });
  }
  return { drops, eddies };
}
