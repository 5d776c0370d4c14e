/**
 * Row locks every inventory/bank service takes first, always in the same order —
 * account row (bank operations only), then the character row, then the items —
 * so concurrent requests on one character serialize instead of interleaving, and
 * never deadlock against createCharacter/restoreCharacter (account → character too).
 */
import { Prisma, type Character, type Item, type User } from '@necp/db';
import type { Db, Tx } from './deps';
import { characterNotFound } from './errors';
import { CharacterRowSchema, ItemRowsSchema } from './locked-rows';
import { inTransaction } from './transaction';

/**
 * Locks a live character. With `userId` it must belong to that account: someone
 * else's character is NOT_FOUND, like a missing one. The locking statement returns
 * the row itself (raw: a Prisma model read costs ~1 ms of CPU per call, docs/perf.md).
 * FOR NO KEY UPDATE: rows that only reference the character are not held up (lock-order.ts).
 */
export async function lockCharacter(
  tx: Tx,
  characterId: string,
  userId?: string,
): Promise<Character> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT * FROM "Character"
    WHERE "id" = ${characterId} AND "deletedAt" IS NULL
      AND (${userId ?? null}::text IS NULL OR "userId" = ${userId ?? null}::text)
    FOR NO KEY UPDATE`;
  if (rows.length === 0) throw characterNotFound(characterId);
  return CharacterRowSchema.parse(rows[0]);
}

/**
 * Locks the account row for the rest of the transaction. Every change to how many
 * live characters an account has (create, restore) takes this lock first, so the
 * "at most 5" check and the write cannot interleave. Returns false if no such user.
 */
export async function lockAccountRow(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  return rows.length > 0;
}

/** Locks the account row (bank operations: the bank is shared by the account's characters). */
export async function lockAccount(tx: Tx, userId: string): Promise<User> {
  if (!(await lockAccountRow(tx, userId))) throw characterNotFound('(account missing)');
  return tx.user.findUniqueOrThrow({ where: { id: userId } });
}

/**
 * Locks and reads a character's bag and equipment (ordered by slot). Items sold
 * to a vendor (BUYBACK) also carry the seller's characterId but are not carried:
 * they never count as bag, equipment or weight (the vendors domain locks them itself).
 * `also`: items to lock and read with them (one statement; they come after, by container),
 * e.g. the goods an order holds on their way into the bag.
 */
export function lockCharacterItems(
  tx: Tx,
  characterId: string,
  also: readonly string[] = [],
): Promise<Item[]> {
  return lockCharactersItems(tx, [characterId], also);
}

/**
 * lockCharacterItems for several characters in one statement (a market batch's buyers),
 * one character's rows after another's (by id), so two of these lock in one order.
 */
export async function lockCharactersItems(
  tx: Tx,
  characterIds: readonly string[],
  also: readonly string[] = [],
): Promise<Item[]> {
  const more = also.length ? Prisma.sql`OR "id" = ANY(${also}::text[])` : Prisma.empty;
  // ORDER BY an enum column sorts in declaration order: BAG before EQUIPMENT
  const rows = await tx.$queryRaw<unknown[]>`SELECT * FROM "Item"
    WHERE ("characterId" = ANY(${characterIds}::text[]) AND "container" IN ('BAG', 'EQUIPMENT')) ${more}
    ORDER BY "characterId", "container", "slot" FOR UPDATE`;
  return ItemRowsSchema.parse(rows);
}

/** Locks and reads an account's bank (ordered by slot). */
export async function lockBankItems(tx: Tx, userId: string): Promise<Item[]> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT * FROM "Item"
    WHERE "userId" = ${userId} AND "container" = 'BANK' ORDER BY "slot" FOR UPDATE`;
  return ItemRowsSchema.parse(rows);
}

/**
 * Runs `fn` in one transaction that first locks the live character and then its items
 * (NOT_FOUND for a missing or deleted one). Whose it is was checked at the edge (the
 * API's characterProcedure).
 */
export function withCharacterLocked<T>(
  db: Db,
  characterId: string,
  fn: (tx: Tx, character: Character, items: Item[]) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (tx) => {
    const character = await lockCharacter(tx, characterId);
    const items = await lockCharacterItems(tx, character.id);
    return fn(tx, character, items);
  });
}
