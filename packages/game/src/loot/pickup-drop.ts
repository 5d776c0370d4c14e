import { PickupDropInputSchema, dropReservedText, mayLootDrop } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError, isDomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { placeInBag } from '../inventory/place-in-bag';
import { groundOwner } from '../ledger/owners';
import { publishEvent } from '../outbox/publish-event';
import { dropInclude, toZoneDrop, type ZoneDrop } from './zone-drop';
import { assertZoneOwner, type ZoneFence } from '../cluster/zone-ownership';
import { inTransaction } from '../core/transaction';

const DROP_GONE = 'drop not found';

export const dropGone = () => new DomainError('NOT_FOUND', DROP_GONE, 'That is no longer there.');

/** The drop itself is gone (picked up by someone else, expired): the caller can stop showing it. */
export const isDropGone = (err: unknown): boolean =>
  isDomainError(err) && err.code === 'NOT_FOUND' && err.message === DROP_GONE;

/** The refusal names whose it is and when it frees ("Reserved for Kira — free in 23 s."). */
export const notYoursYet = (
  drop: Pick<ZoneDrop, 'ownerName' | 'partyId' | 'freeAt'>,
  nowMs: number,
) =>
  new DomainError(
    'FORBIDDEN',
    'drop owned by another character',
    `${dropReservedText({ ownerName: drop.ownerName, party: drop.partyId !== null, freeAt: drop.freeAt, nowMs })}.`,
  );

/**
 * Moves a drop's item into the character's bag, in one transaction. The WorldDrop
 * row is locked first (FOR UPDATE): of two players racing for one drop the second
 * waits, then finds the row gone — exactly one gets it. Only the owner may take it
 * before `freeAt`; a full bag throws (placeInBag) and the drop stays where it is.
 * Publishes `item.picked_up` in the same transaction.
 * Returns the drop as it was picked up.
 */
export async function pickupDrop(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  /** fence: the lease token of the zone showing the drop (refused once another process owns it) */
  raw: { characterId: string; dropId: string; fence?: ZoneFence | undefined },
): Promise<ZoneDrop> {
  const input = parseInput(PickupDropInputSchema, raw);
  return inTransaction(deps.db, async (tx) => {
    await assertZoneOwner(tx, input.fence);
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "WorldDrop" WHERE "id" = ${input.dropId} FOR UPDATE`;
    if (locked.length === 0) throw dropGone();
    const row = await tx.worldDrop.findUniqueOrThrow({
      where: { id: input.dropId },
      include: dropInclude,
    });
    const drop = toZoneDrop(row);
    const now = deps.clock.ms();
    // past despawnAt it is already gone for players; the sweep just has not destroyed it yet
    if (drop.despawnAt <= now) throw dropGone();
    if (drop.rollUntil !== null)
      throw new DomainError(
        'FORBIDDEN',
        'drop being rolled for',
        'Your party is rolling for that.',
      );
    const rights = { ...drop, rolling: false };
    if (
      !mayLootDrop(
        rights,
        input.characterId,
        await inParty(tx, drop.partyId, input.characterId),
        now,
      )
    )
      throw notYoursYet(drop, now);

    await placeInBag(tx, {
      characterId: input.characterId,
      templateId: drop.templateId,
      quantity: drop.quantity,
      durability: row.item.durability,
      reason: 'pickup',
      fromOwner: groundOwner(drop.zoneId),
      itemId: drop.itemId,
      ref: drop.id,
    });
    // placeInBag may have merged the ground item into a stack and deleted it (cascading the drop)
    await tx.worldDrop.deleteMany({ where: { id: drop.id } });
    // a drop is picked up once, so its id keys the event
    await publishEvent(tx, {
      type: 'item.picked_up',
      key: `item.picked_up:${drop.id}`,
      payload: {
        characterId: input.characterId,
        itemId: drop.itemId,
        templateId: drop.templateId,
        quantity: drop.quantity,
        zoneId: drop.zoneId,
      },
    });
    return drop;
  });
}

/** Is the character a member of the party the drop fell for (none: false)? */
async function inParty(tx: Tx, partyId: string | null, characterId: string): Promise<boolean> {
  if (!partyId) return false;
  const m = await tx.partyMember.findUnique({ where: { characterId } });
  return m?.partyId === partyId;
}
