/**
 * The leaderboards' minute job (graphile-worker cron on the sim's outbox worker: once
 * per minute across every node; only where there is Redis):
 *
 * 1. boards whose sorted sets are missing are rebuilt from PostgreSQL;
 * 2. wealth: eddies change in dozens of places (loot, vendors, trades, mail, the guild
 *    bank, fees …) and every change writes a LedgerEntry, so the characters of the
 *    entries since the last run are read again. The cursor (the last entry id) only
 *    moves past entries older than LEDGER_SETTLE_MS: ids are taken when a row is
 *    written, not when its transaction commits, so a younger entry with a lower id
 *    may still appear — those are read again next minute;
 * 3. bans that ran out since the last run list their accounts' characters again (a
 *    ban and an unban do so at once, through account.access_changed).
 */
import { LEADERBOARD_KEYS } from '@necp/shared';
import { z } from 'zod';
import { parseStored, parseStoredText } from '../core/redis-values';
import { boardSource } from './board-registry';
import { rebuildMissingBoards, type RebuildDeps, type RebuildResult } from './rebuild-board';
import { refreshSubjects } from './refresh-subjects';
import { inTransaction } from '../core/transaction';

export const LEADERBOARD_REFRESH_TASK = 'leaderboards_refresh';
export const LEADERBOARD_REFRESH_CRONTAB = `* * * * * ${LEADERBOARD_REFRESH_TASK}`;

/** Ledger entries younger than this are read again by the next run. */
export const LEDGER_SETTLE_MS = 60_000;
const LEDGER_BATCH = 5000;

const LEDGER_CURSOR = 'lb:ledger-cursor';
const BAN_SWEEP = 'lb:ban-sweep';
/** The last ledger id read, as its decimal digits (a bigint: not through JSON's numbers). */
const LedgerCursorSchema = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform((s) => BigInt(s));
/** When bans were last swept (epoch ms). */
const BanSweepSchema = z.int().min(0);

export interface RefreshResult {
  rebuilt: RebuildResult[];
  /** characters whose wealth was read again */
  wealth: number;
  /** accounts whose ban ran out */
  unbanned: number;
}

export async function refreshLeaderboards(deps: RebuildDeps): Promise<RefreshResult> {
  const rebuilt = await rebuildMissingBoards(deps);
  const wealth = await refreshFromLedger(deps);
  const unbanned = await sweepEndedBans(deps);
  return { rebuilt, wealth, unbanned };
}

const ledgerBoards = LEADERBOARD_KEYS.filter((b) => boardSource(b).fromLedger);

async function refreshFromLedger(deps: RebuildDeps): Promise<number> {
  const { redis, db } = deps;
  const stored = parseStoredText(LedgerCursorSchema, await redis.get(LEDGER_CURSOR), (reason) =>
    deps.log.warn({ key: LEDGER_CURSOR, reason }, 'unreadable ledger cursor: starting again'),
  );
  if (stored === undefined) {
    // first run (or a flushed Redis, whose boards were just rebuilt, or a cursor that is
    // not one): start from here
    const [row] = await db.$queryRaw<{ id: bigint | null }[]>`
      SELECT max("id") AS "id" FROM "LedgerEntry"`;
    await redis.set(LEDGER_CURSOR, String(row?.id ?? 0n));
    return 0;
  }
  let cursor = stored;
  let refreshed = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: bigint; characterId: string; createdAt: Date }[]>`
      SELECT "id", "characterId", "createdAt" FROM "LedgerEntry"
      WHERE "id" > ${cursor} AND "characterId" IS NOT NULL AND "eddiesDelta" <> 0
      ORDER BY "id" LIMIT ${LEDGER_BATCH}`;
    if (rows.length === 0) break;
    const ids = [...new Set(rows.map((r) => r.characterId))];
    const now = deps.clock.now();
    for (const board of ledgerBoards)
      await inTransaction(db, (tx) => refreshSubjects(tx, redis, { board, ids, now }));
    refreshed += ids.length;
    const settledBefore = deps.clock.ms() - LEDGER_SETTLE_MS;
    let settled = 0;
    while (settled < rows.length && rows[settled]!.createdAt.getTime() <= settledBefore) settled++;
    if (settled > 0) {
      cursor = rows[settled - 1]!.id;
      await redis.set(LEDGER_CURSOR, cursor.toString());
    }
    if (settled < rows.length || rows.length < LEDGER_BATCH) break;
  }
  return refreshed;
}

async function sweepEndedBans(deps: RebuildDeps): Promise<number> {
  const { redis, db } = deps;
  const now = deps.clock.now();
  const stored = parseStored(BanSweepSchema, await redis.get(BAN_SWEEP), (reason) =>
    deps.log.warn({ key: BAN_SWEEP, reason }, 'unreadable ban sweep time: starting again'),
  );
  await redis.set(BAN_SWEEP, String(now.getTime()));
  // first run, or a time that is not one: bans are swept from now on
  if (stored === undefined) return 0;
  const users = await db.user.findMany({
    where: { bannedUntil: { gt: new Date(stored), lte: now } },
    select: { id: true, characters: { select: { id: true } } },
  });
  const characterIds = users.flatMap((u) => u.characters.map((c) => c.id));
  if (characterIds.length === 0) return users.length;
  const guildIds = (
    await db.guildMember.findMany({
      where: { characterId: { in: characterIds } },
      select: { guildId: true },
    })
  ).map((m) => m.guildId);
  for (const board of LEADERBOARD_KEYS) {
    const ids = boardSource(board).subject === 'guild' ? guildIds : characterIds;
    if (ids.length > 0)
      await inTransaction(db, (tx) => refreshSubjects(tx, redis, { board, ids, now }));
  }
  return users.length;
}
