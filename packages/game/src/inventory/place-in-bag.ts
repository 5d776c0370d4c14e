import type { Item } from '@necp/db';
import type { ItemTemplate } from '@necp/shared';
import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { isSourceOwner } from '../ledger/owners';
import type { LedgerReason } from '../ledger/reasons';
import { bagOf, itemOwner } from './container';
import { bagFull, noSuchSlot, slotTaken } from './errors';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { planPlacement, type PlanResult } from './placement';
import { loadTemplate } from './templates';
import { writePlacement, type Placement } from './write-placement';

export interface PlaceInBagInput {
  characterId: string;
  templateId: string;
  quantity: number;
  /** of created rows; defaults to the template's maxDurability */
  durability?: number | null;
  reason: LedgerReason;
  /** `source:<reason>` when creating; the current owner string when moving `itemId` */
  fromOwner: string;
  /** move this existing row (e.g. from GROUND or BANK) instead of creating items */
  itemId?: string;
  /** put everything into this bag slot (empty, or a matching stack with room) */
  toSlot?: number;
  ref?: string;
}

/** Bind-on-pickup templates bind to whoever loots or picks them up. */
const bindsOn = (template: ItemTemplate, reason: LedgerReason) =>
  template.binding === 'pickup' && (reason === 'pickup' || reason === 'loot');

/** Maps a failed plan to the player-facing error. */
export function placementError(
  r: Extract<PlanResult, { ok: false }>,
  slot: number | undefined,
  full: () => DomainError,
) {
  if (r.reason === 'no_such_slot') return noSuchSlot(slot ?? -1);
  if (r.reason === 'slot_taken') return slotTaken();
  return full();
}

const itemGone = (itemId: string) =>
  new DomainError('CONFLICT', `item ${itemId} is no longer there`, 'That item is no longer there');

/**
 * The primitive every domain uses to put items into a character's bag, inside the
 * caller's transaction: locks the character (and its items), tops up matching
 * stacks, then fills empty slots. If not everything fits it throws INVALID_STATE
 * "Your bag is full" before writing anything. With `itemId` the existing row
 * moves (its WorldDrop, if any, is removed) instead of new items being created;
 * either way every side is written to the ledger.
 */
export async function placeInBag(tx: Tx, input: PlaceInBagInput): Promise<Placement[]> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1)
    throw new DomainError(
      'VALIDATION',
      `bad quantity ${input.quantity}`,
      'Quantity must be at least 1',
    );
  if (input.itemId === undefined && !isSourceOwner(input.fromOwner))
    throw new Error(
      `placeInBag: creating items needs a source:<reason> owner, got ${input.fromOwner}`,
    );

  const character = await lockCharacter(tx, input.characterId);
  const template = await loadTemplate(tx, input.templateId);
  const source = input.itemId ? await lockSource(tx, input) : undefined;
  const items = await lockCharacterItems(tx, character.id);

  const bound = source?.boundCharacterId ?? (bindsOn(template, input.reason) ? character.id : null);
  if (bound !== null && bound !== character.id)
    throw new DomainError(
      'INVALID_STATE',
      'item bound to another character',
      'That item is bound to another character',
    );
  const durability = source
    ? source.durability
    : (input.durability ?? template.maxDurability ?? null);

  const bag = bagOf(character);
  const r = planPlacement({
    slots: bag.slots,
    occupants: items.filter((i) => i.container === 'BAG'),
    incoming: {
      templateId: template.id,
      quantity: input.quantity,
      durability,
      boundCharacterId: bound,
      stackSize: template.stackSize,
    },
    ...(input.toSlot !== undefined ? { toSlot: input.toSlot } : {}),
  });
  if (!r.ok) throw placementError(r, input.toSlot, bagFull);

  return writePlacement(tx, {
    target: bag,
    plan: r.plan,
    templateId: template.id,
    durability,
    boundCharacterId: bound,
    reason: input.reason,
    fromOwner: input.fromOwner,
    ...(input.ref !== undefined ? { ref: input.ref } : {}),
    ...(source ? { source } : {}),
  });
}

/** Locks the row being moved and checks it is still where the caller saw it. */
async function lockSource(tx: Tx, input: PlaceInBagInput): Promise<Item> {
  const id = input.itemId as string;
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Item" WHERE "id" = ${id} FOR UPDATE`;
  if (locked.length === 0) throw itemGone(id);
  const item = await tx.item.findUniqueOrThrow({
    where: { id },
    include: { drop: { select: { zoneId: true } } },
  });
  const owner = itemOwner(item, item.drop?.zoneId);
  const sameOwner =
    item.container === 'GROUND' ? input.fromOwner.startsWith('ground:') : owner === input.fromOwner;
  if (!sameOwner || (item.container === 'BAG' && item.characterId === input.characterId))
    throw itemGone(id);
  if (item.templateId !== input.templateId)
    throw new Error(`placeInBag: item ${id} is ${item.templateId}, not ${input.templateId}`);
  if (item.quantity < input.quantity) throw itemGone(id);
  const { drop: _drop, ...row } = item;
  return row;
}
