/**
 * Fencing in PostgreSQL. A Redis lease alone cannot stop an owner that was paused
 * (GC, a stalled host) past its TTL from writing once it wakes: it still believes
 * it owns the zone. So every new owner records its lease token in "ZoneOwner"
 * before it serves the zone, and zone writes check that their token is still the
 * stored one. The row lock taken by the check makes a takeover wait for a write in
 * flight, and a write after the takeover see the higher token and skip.
 */
import { Prisma, type Tx } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { DomainError, isDomainError } from '../core/errors';
import { inTransaction } from '../core/transaction';

export type ZoneClaim = { ok: true } | { ok: false; current: number };

/**
 * Records `token` as the zone's owner token unless a higher one is stored (that
 * owner came later: this lease is stale). The same token again is accepted from
 * the same owner only (counters that restarted must not make two owners equal).
 */
export async function claimZoneOwnership(
  tx: Tx,
  claim: { zoneId: string; token: number; ownerId: string },
): Promise<ZoneClaim> {
  const token = BigInt(claim.token);
  const applied = await tx.$queryRaw<{ token: bigint }[]>`
    INSERT INTO "ZoneOwner" ("zoneId", "token", "ownerId", "claimedAt")
    VALUES (${claim.zoneId}, ${token}, ${claim.ownerId}, now())
    ON CONFLICT ("zoneId") DO UPDATE
      SET "token" = EXCLUDED."token", "ownerId" = EXCLUDED."ownerId", "claimedAt" = EXCLUDED."claimedAt"
      WHERE "ZoneOwner"."token" < EXCLUDED."token"
         OR ("ZoneOwner"."token" = EXCLUDED."token" AND "ZoneOwner"."ownerId" = EXCLUDED."ownerId")
    RETURNING "token"`;
  if (applied.length > 0) return { ok: true };
  const row = await tx.zoneOwner.findUnique({ where: { zoneId: claim.zoneId } });
  return { ok: false, current: Number(row?.token ?? 0) };
}

/** claimZoneOwnership in a transaction of its own: what a new owner does before loading the zone. */
export const claimZone = (
  deps: Pick<GameDeps, 'db'>,
  claim: { zoneId: string; token: number; ownerId: string },
): Promise<ZoneClaim> => inTransaction(deps.db, (tx) => claimZoneOwnership(tx, claim));

/**
 * Is `token` the zone's owner token? Locks the row (FOR SHARE) until the end of the
 * caller's transaction, so a takeover cannot slip between this check and the
 * writes that follow it in the same transaction.
 */
export async function isCurrentOwner(tx: Tx, zoneId: string, token: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ token: bigint }[]>`
    SELECT "token" FROM "ZoneOwner" WHERE "zoneId" = ${zoneId} FOR SHARE`;
  return rows.length === 1 && rows[0]?.token === BigInt(token);
}

/**
 * The same check as a condition inside one statement (e.g. a batched position
 * UPDATE … WHERE … AND ${ownsZoneSql(zoneId, token)}): the row lock and
 * PostgreSQL's re-check of a row updated meanwhile give the guarantee above
 * without a transaction around the statement.
 */
export function ownsZoneSql(zoneId: string, token: number): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ZoneOwner" WHERE "zoneId" = ${zoneId} AND "token" = ${BigInt(token)} FOR SHARE)`;
}

/**
 * What a zone's writes carry: the zone and the lease token it was opened with.
 * Absent (undefined) on a lone process without Redis (memory leases): nothing to
 * fence against there, so the write goes through unchecked.
 */
export interface ZoneFence {
  zoneId: string;
  token: number;
}

const STALE_OWNER = 'zone owner is stale';

/** A fenced write refused: another process owns the zone now. Never worth a retry. */
export const staleZoneOwner = (zoneId: string) =>
  new DomainError(
    'CONFLICT',
    `${STALE_OWNER}: ${zoneId}`,
    'This district moved to another server. Reconnecting…',
  );

export const isStaleZoneOwner = (err: unknown): boolean =>
  isDomainError(err) && err.code === 'CONFLICT' && err.message.startsWith(STALE_OWNER);

/**
 * The first step of a fenced transaction: refuses (staleZoneOwner) unless `fence`
 * is still the zone's owner token, and holds the ZoneOwner row FOR SHARE to the
 * end of the transaction (lock order: the ZoneOwner row before any Character row,
 * core/lock-order.ts). No fence: nothing to check.
 */
export async function assertZoneOwner(tx: Tx, fence: ZoneFence | undefined): Promise<void> {
  if (!fence) return;
  if (!(await isCurrentOwner(tx, fence.zoneId, fence.token))) throw staleZoneOwner(fence.zoneId);
}
