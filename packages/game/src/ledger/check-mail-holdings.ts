/**
 * The mail part of checkInvariants: the eddies a mail holds (Mail.eddies) against
 * the ledger rows that name it (no characterId, the mail on the side the eddies
 * went: toOwner for +, fromOwner for −). A deleted mail must sum to 0. Items held by
 * mail need nothing of their own: they are Item rows (container MAIL) checked with
 * every other item.
 */
import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';

interface Row {
  id: string | null;
  ledger: bigint;
  actual: bigint;
}

/**
 * Mails that concern the scope: addressed to or sent by one of `characterIds`, or
 * named by a ledger row whose other side is one of `owners` (a mail since deleted).
 */
export async function scopedMailIds(
  tx: Tx,
  characterIds: readonly string[],
  owners: readonly string[],
): Promise<string[]> {
  const chars = [...characterIds];
  const own = [...owners];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Mail" WHERE "toId" = ANY(${chars}::text[]) OR "fromId" = ANY(${chars}::text[])
    UNION
    SELECT substr("toOwner", 6) FROM "LedgerEntry"
    WHERE "toOwner" LIKE 'mail:%' AND "fromOwner" = ANY(${own}::text[])
    UNION
    SELECT substr("fromOwner", 6) FROM "LedgerEntry"
    WHERE "fromOwner" LIKE 'mail:%' AND "toOwner" = ANY(${own}::text[])`;
  return rows.map((r) => r.id);
}

/** Mails whose held eddies differ from their ledger rows (all mails, or those of `mailIds`). */
export async function mailEddiesDifferences(
  tx: Tx,
  mailIds: readonly string[] | null,
): Promise<Row[]> {
  const ids = mailIds ? [...mailIds] : null;
  const inScope = (col: Prisma.Sql) =>
    ids ? Prisma.sql`AND ${col} = ANY(${ids}::text[])` : Prisma.empty;
  return tx.$queryRaw<Row[]>`
    WITH led AS (
      SELECT id, SUM(delta)::bigint AS ledger FROM (
        SELECT CASE WHEN "toOwner" LIKE 'mail:%' THEN substr("toOwner", 6)
                    ELSE substr("fromOwner", 6) END AS id,
               "eddiesDelta" AS delta
        FROM "LedgerEntry"
        WHERE "characterId" IS NULL AND "itemId" IS NULL
          AND ("toOwner" LIKE 'mail:%' OR "fromOwner" LIKE 'mail:%')
      ) m
      WHERE TRUE ${inScope(Prisma.sql`id`)}
      GROUP BY id
    ), cur AS (
      SELECT "id", "eddies"::bigint AS actual FROM "Mail" WHERE TRUE ${inScope(Prisma.sql`"id"`)}
    )
    SELECT COALESCE(cur.id, led.id) AS id, COALESCE(led.ledger, 0)::bigint AS ledger,
           COALESCE(cur.actual, 0)::bigint AS actual
    FROM cur FULL OUTER JOIN led ON led.id = cur.id
    WHERE COALESCE(led.ledger, 0) <> COALESCE(cur.actual, 0)
    ORDER BY 1`;
}
