/**
 * The order every writer takes row locks in, so two transactions that share rows
 * wait for each other instead of deadlocking:
 *
 *   0. the zone's fencing row (ZoneOwner, FOR SHARE) — a sim zone's writes
 *      (zone-ownership.ts assertZoneOwner, the position flush); a takeover
 *      updates only that row, so it never waits in a cycle;
 *  0a. an auction listing's turn (an advisory lock, core/advisory-locks.ts): every
 *      operation on a listing takes it before anything else (auction/listing-rows.ts
 *      lockListing), so one that waits for another of the same listing holds nothing;
 *   1. the account row (User) — bank operations, character creation/restore;
 *   2. Character rows, several of them always in id order (PostgreSQL's ORDER BY
 *      "id" … FOR UPDATE: awardKill, the outbox subscribers, the sim's position
 *      flush, which locks its whole batch in id order in one statement);
 *   2b. a Guild row (guild/): after the character rows the operation locks (a
 *      deposit or withdrawal locks its character, an accepted invitation its
 *      invitee, an invitation both ends), never before them; kicks, rank changes
 *      and disbanding lock the guild row only;
 *   2c. a Mail row (mail/): after the character rows (a send locks both ends, a
 *      take its recipient, a cash-on-delivery payment and the expiry of a mail
 *      both ends); the mail's row guards its attached items and held eddies;
 *   2d. an AuctionListing row (auction/): after the character rows of the caller, the
 *      seller (not for a bid below the buyout, which never reaches them) and the high
 *      bidder (auction/listing-rows.ts lockListing); the listing's
 *      row guards its item and held eddies; a settlement's mails are new rows after it;
 *   2e. a MarketBook row, then MarketOrder rows (market/): after the character rows (a
 *      placement, a cancel, a collect, an expiry, a purge lock the order's owner first);
 *      the match batch locks the book (SKIP LOCKED: it never waits for it) and its orders
 *      and never a character (a placement's batch runs holding the placer's, locked before);
 *   2f. a Contract row (contracts/): after the character rows of its poster, its taker
 *      and the one acting (contract-rows.ts lockWithParties); the contract's row guards
 *      its escrow and the items it holds; a settlement's mails are new rows after it;
 *   3. the rows that belong to those characters: items, quest rows, standings,
 *      QuestEventApplied, ledger entries (and a guild's members, ranks and bank log);
 *   4. advisory locks of leaderboard subjects (leaderboards/refresh-subjects.ts): last,
 *      after every row an event's transaction locked.
 *
 * Character rows are locked FOR NO KEY UPDATE, never FOR UPDATE (only the purge, which
 * deletes them): writers still wait for each other, but a row that merely references a
 * character — a notification, an order, an item — checks its foreign key (FOR KEY SHARE)
 * without waiting for whoever holds the character. FOR UPDATE made a market batch's
 * notices and a placement's order row queue behind every bid of that character, and at
 * 500 operations a second the queues joined into one (`pnpm bench:economy`).
 *
 * A background writer that touches several characters (an npc.killed event with
 * several killers) locks all of them up front with lockCharacters before any
 * of step 3. What still collides (the odd path that does not follow this) is
 * caught by withTxRetry (core/tx-retry.ts), which reruns the transaction.
 */
import { Prisma, type Character } from '@necp/db';
import type { Tx } from './deps';
import { CharacterRowSchema } from './locked-rows';

/**
 * Locks `ids`' Character rows in id order and reads them (their rows, whole: a caller
 * that needs one of them locked and read takes it from here, not with a second
 * statement) — the one way several characters are locked together, and one character
 * where its absence is not an error (lockCharacter throws NOT_FOUND). Missing ones drop
 * out, and so do deleted ones unless `includeDeleted` (a cash-on-delivery payment still
 * pays a deleted sender; a craft of a deleted crafter is cancelled).
 */
export async function lockCharacters(
  tx: Tx,
  ids: readonly string[],
  opts: {
    /** leave out, rather than wait for, the ones another transaction holds (a batch's) */
    skipLocked?: boolean;
    includeDeleted?: boolean;
  } = {},
): Promise<Character[]> {
  if (ids.length === 0) return [];
  const skip = opts.skipLocked ? Prisma.sql`SKIP LOCKED` : Prisma.empty;
  const live = opts.includeDeleted ? Prisma.empty : Prisma.sql`AND "deletedAt" IS NULL`;
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT * FROM "Character"
    WHERE "id" IN (${Prisma.join([...new Set(ids)])}) ${live}
    ORDER BY "id"
    FOR NO KEY UPDATE ${skip}`;
  return rows.map((r) => CharacterRowSchema.parse(r));
}
