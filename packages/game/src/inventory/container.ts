/**
 * A slotted container: a character's bag or an account's bank. Moves, merges,
 * swaps and placements work the same in both; only the owner columns differ.
 */
import type { Item, ItemContainer } from '@necp/db';
import { bankOwner, buybackOwner, charOwner, groundOwner } from '../ledger/owners';

export type Container =
  | { kind: 'BAG'; characterId: string; slots: number }
  | { kind: 'BANK'; userId: string; slots: number };

export const bagOf = (c: { id: string; bagSlots: number }): Container => ({
  kind: 'BAG',
  characterId: c.id,
  slots: c.bagSlots,
});

export const bankOf = (u: { id: string; bankSlots: number }): Container => ({
  kind: 'BANK',
  userId: u.id,
  slots: u.bankSlots,
});

/** Ledger owner string of a container. */
export const containerOwner = (c: Container): string =>
  c.kind === 'BAG' ? charOwner(c.characterId) : bankOwner(c.userId);

/** The Item columns that put a row into `slot` of this container. */
export function placeIn(c: Container, slot: number) {
  return c.kind === 'BAG'
    ? { container: 'BAG' as ItemContainer, slot, characterId: c.characterId, userId: null }
    : { container: 'BANK' as ItemContainer, slot, userId: c.userId, characterId: null };
}

/** Ledger owner string of wherever an item is now. */
export function itemOwner(item: Item, dropZoneId?: string | null): string {
  if (item.container === 'BANK' && item.userId) return bankOwner(item.userId);
  if (item.container === 'GROUND') return groundOwner(dropZoneId ?? 'unknown');
  if (item.container === 'BUYBACK') return buybackOwner(item.characterId ?? 'unknown');
  return charOwner(item.characterId ?? 'unknown');
}
