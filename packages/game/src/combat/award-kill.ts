import {
  KILL_CREDIT_MIN_SHARE,
  NPC_RANKS,
  splitPartyXp,
  xpForKill,
  ZoneFenceSchema,
} from '@necp/shared';
import { z } from 'zod';
import { closedSet } from '../core/closed-columns';
import type { GameDeps, Tx } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacters } from '../core/lock-order';
import { createLootDropTx, type LootDropResult, type PartyLoot } from '../loot/create-loot-drop';
import { publishEvent } from '../outbox/publish-event';
import { grantXpTx, type GrantXpResult } from '../progression/grant-xp';
import { activeQuestIds } from '../quests/active-quest-ids';
import { assertZoneOwner } from '../cluster/zone-ownership';
import { inTransaction } from '../core/transaction';

const finite = z.number().finite();

export const AwardKillInputSchema = z.object({
  zoneId: z.string().min(1),
  /** the NPC's life id: a retried award with the same key pays nothing */
  killKey: z.string().min(1).max(200),
  npc: z.object({
    templateId: z.string().min(1),
    name: z.string(),
    level: z.int().min(1),
    rank: z.enum(NPC_RANKS),
    lootTable: z.string().min(1),
    /** the corpse, where the loot falls */
    x: finite,
    y: finite,
  }),
  /** players who damaged it in this life (repeats are summed) */
  contributors: z
    .array(z.object({ characterId: z.string().min(1), damage: finite.min(0) }))
    .max(200),
  /**
   * players alive in the zone within PARTY_SHARE_RANGE of the corpse when it fell
   * (the zone's tick decides): the party members among them share the kill
   */
  nearby: z.array(z.string().min(1)).max(500).optional(),
  /** the zone's lease token: refused (staleZoneOwner) once another process owns the zone */
  fence: ZoneFenceSchema.optional(),
});
export type AwardKillInput = z.input<typeof AwardKillInputSchema>;

export interface KillReward {
  characterId: string;
  xp: GrantXpResult;
}

export interface AwardKillResult {
  /** this kill was already awarded (same killKey): nothing was paid now */
  duplicate: boolean;
  rewards: KillReward[];
  loot: LootDropResult;
  /** top contributor: owns the drops and got the eddies; null when nobody earned credit */
  lootOwnerId: string | null;
  /** the party whose loot mode shared the drops, if any */
  party: PartyLoot | null;
}

const nothing = (duplicate: boolean): AwardKillResult => ({
  duplicate,
  rewards: [],
  loot: { drops: [], eddies: 0 },
  lootOwnerId: null,
  party: null,
});

/**
 * Pays out an NPC kill in one transaction: the `npc.killed` outbox event (its key
 * `npc.killed:<killKey>` makes the award idempotent), XP to every live contributor
 * with at least KILL_CREDIT_MIN_SHARE of the damage (xpForKill by each one's
 * level; grey kills give none), and the NPC's loot at the corpse, owned by the top
 * contributor. Contributors' rows are locked in id order, so concurrent awards
 * sharing players never deadlock.
 */
export async function awardKill(
  deps: Pick<GameDeps, 'db' | 'clock' | 'rng' | 'log'>,
  input: AwardKillInput,
): Promise<AwardKillResult> {
  const { zoneId, killKey, npc, contributors, nearby, fence } = parseInput(
    AwardKillInputSchema,
    input,
  );
  const damageBy = new Map<string, number>();
  for (const c of contributors)
    damageBy.set(c.characterId, (damageBy.get(c.characterId) ?? 0) + c.damage);
  const total = [...damageBy.values()].reduce((a, b) => a + b, 0);
  const credited = [...damageBy]
    .filter(([, d]) => total > 0 && d > 0 && d / total >= KILL_CREDIT_MIN_SHARE)
    .map(([id]) => id)
    .sort();

  const result = await inTransaction(deps.db, async (tx) => {
    await assertZoneOwner(tx, fence);
    const groups = await sharingGroups(tx, credited, nearby ?? []);
    const sharers = [...groups.values()].flat();
    const live = await lockCharacters(tx, [...credited, ...sharers]);
    const levelOf = new Map(live.map((c) => [c.id, c.level]));
    // XP: a party's sharers split its pool (shared rules/party-xp.ts); others kill solo
    const xpOf = new Map<string, number>();
    for (const ids of groups.values()) {
      const members = ids
        .filter((id) => levelOf.has(id))
        .map((id) => ({ characterId: id, level: levelOf.get(id)! }));
      for (const [id, xp] of splitPartyXp(npc, members)) xpOf.set(id, xp);
    }
    const killers = live.map((c) => ({
      characterId: c.id,
      damage: damageBy.get(c.id) ?? 0,
      xp: xpOf.get(c.id) ?? xpForKill(npc.level, c.level, npc.rank),
    }));
    // most damage first; ties go to the lower id, so a replay picks the same owner
    // (party members who only shared did no damage: they never own the loot)
    const top = [...killers.filter((k) => k.damage > 0)].sort(
      (a, b) => b.damage - a.damage || a.characterId.localeCompare(b.characterId),
    )[0];
    const party = top ? await partyLootOf(tx, groups, top.characterId, levelOf) : undefined;
    // round robin: the loot (and its eddies) is whose turn it is
    const lootOwnerId = party?.turn ?? top?.characterId ?? null;
    const fresh = await publishEvent(tx, {
      type: 'npc.killed',
      key: `npc.killed:${killKey}`,
      payload: {
        zoneId,
        npcTemplateId: npc.templateId,
        npcName: npc.name,
        level: npc.level,
        rank: npc.rank,
        x: npc.x,
        y: npc.y,
        killers,
        lootOwnerId,
      },
    });
    if (!fresh) return nothing(true);

    const rewards: KillReward[] = [];
    for (const k of killers) {
      if (k.xp <= 0) continue;
      const xp = await grantXpTx(tx, { characterId: k.characterId, amount: k.xp, reason: 'kill' });
      rewards.push({ characterId: k.characterId, xp });
    }
    // nobody earned credit (or every contributor is gone): nobody gets the loot either
    const loot = lootOwnerId
      ? await createLootDropTx(tx, deps, {
          zoneId,
          x: npc.x,
          y: npc.y,
          tableId: npc.lootTable,
          level: npc.level,
          ownerCharacterId: lootOwnerId,
          party: party?.loot,
          // quest-only drops (loot `questActive`) fall only while the owner runs the quest
          activeQuestIds: await activeQuestIds(tx, lootOwnerId, deps.clock.now()),
        })
      : { drops: [], eddies: 0 };
    return { duplicate: false, rewards, loot, lootOwnerId, party: party?.loot ?? null };
  });

  deps.log.info(
    {
      killKey,
      zoneId,
      npc: npc.templateId,
      duplicate: result.duplicate,
      rewards: result.rewards.map((r) => [r.characterId, r.xp.xpGained]),
      drops: result.loot.drops.length,
      eddies: result.loot.eddies,
      lootOwnerId: result.lootOwnerId,
    },
    'kill awarded',
  );
  return result;
}

/**
 * The parties sharing a kill: partyId → its sharers (sorted), i.e. its members with
 * credit and its members nearby. Only parties with a credited member share.
 */
async function sharingGroups(
  tx: Tx,
  credited: readonly string[],
  nearby: readonly string[],
): Promise<Map<string, string[]>> {
  const near = new Set(nearby);
  const rows = await tx.partyMember.findMany({
    where: { characterId: { in: [...new Set([...credited, ...nearby])] } },
    select: { characterId: true, partyId: true },
  });
  const creditedParties = new Set(
    rows.filter((r) => credited.includes(r.characterId)).map((r) => r.partyId),
  );
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    if (!creditedParties.has(r.partyId)) continue;
    if (!credited.includes(r.characterId) && !near.has(r.characterId)) continue;
    groups.set(r.partyId, [...(groups.get(r.partyId) ?? []), r.characterId]);
  }
  for (const ids of groups.values()) ids.sort();
  return groups;
}

/**
 * The loot rules of the top damage dealer's party, when it shares this kill: its
 * mode, threshold and leader, and for round robin whose turn it is (the cursor moves
 * on, under the party row's lock).
 */
async function partyLootOf(
  tx: Tx,
  groups: Map<string, string[]>,
  topId: string,
  levelOf: Map<string, number>,
): Promise<{ loot: PartyLoot; turn?: string } | undefined> {
  const entry = [...groups].find(([, ids]) => ids.includes(topId));
  if (!entry) return undefined;
  const [partyId, ids] = entry;
  const sharers = ids.filter((id) => levelOf.has(id));
  const row = await tx.party.findUnique({ where: { id: partyId } });
  if (!row) return undefined;
  const loot: PartyLoot = {
    partyId,
    mode: closedSet.Party.lootMode.parse(row.lootMode),
    threshold: closedSet.Party.lootThreshold.parse(row.lootThreshold),
    leaderId: row.leaderId,
    sharers,
  };
  if (loot.mode !== 'round_robin' || sharers.length === 0) return { loot };
  const [moved] = await tx.$queryRaw<{ rrCursor: number }[]>`
    UPDATE "Party" SET "rrCursor" = "rrCursor" + 1 WHERE "id" = ${partyId} RETURNING "rrCursor"`;
  const turn = sharers[((moved?.rrCursor ?? 1) - 1) % sharers.length];
  return { loot, ...(turn ? { turn } : {}) };
}
