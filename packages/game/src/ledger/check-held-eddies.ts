/**
 * The part of checkInvariants for what holds eddies besides characters (holders.ts):
 * the eddies a guild bank, a mail or an auction listing holds against the ledger rows
 * that name it (no characterId, the holder on the side the eddies went: toOwner for +,
 * fromOwner for −; between two holders each writes its own row). A row that is gone (a disbanded guild, a deleted mail) must sum
 * to 0. Items held by a mail or a listing need nothing of their own: they are Item
 * rows (container MAIL, AUCTION) checked with every other item.
 */
import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { HOLDERS, type HolderKind } from './holders';

interface Row {
  id: string | null;
  ledger: bigint;
  actual: bigint;
}

/**
 * The rows of a holder that concern a scope: those `related` names (the mails to or
 * from the scope's characters, the listings they sell or lead) and those named by a
 * ledger row whose other side is one of `owners` (a mail since deleted, a listing
 * they were outbid on).
 */
export async function scopedHolderIds(
  tx: Tx,
  holder: HolderKind,
  related: Prisma.Sql,
  owners: readonly string[],
): Promise<string[]> {
  const h = HOLDERS[holder];
  const own = [...owners];
  const like = `${h.prefix}%`;
  const cut = h.prefix.length + 1;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    ${related}
    UNION
    SELECT substr("toOwner", ${cut}) FROM "LedgerEntry"
    WHERE "toOwner" LIKE ${like} AND "fromOwner" = ANY(${own}::text[])
    UNION
    SELECT substr("fromOwner", ${cut}) FROM "LedgerEntry"
    WHERE "fromOwner" LIKE ${like} AND "toOwner" = ANY(${own}::text[])`;
  return rows.map((r) => r.id);
}

/** Rows of a holder whose held eddies differ from their ledger rows (all, or those of `ids`). */
export async function heldEddiesDifferences(
  tx: Tx,
  holder: HolderKind,
  ids: readonly string[] | null,
): Promise<Row[]> {
  const h = HOLDERS[holder];
  const list = ids ? [...ids] : null;
  const inScope = (col: Prisma.Sql) =>
    list ? Prisma.sql`AND ${col} = ANY(${list}::text[])` : Prisma.empty;
  const like = `${h.prefix}%`;
  const cut = h.prefix.length + 1;
  const table = Prisma.raw(`"${h.table}"`);
  const col = Prisma.raw(`"${h.column}"`);
  return tx.$queryRaw<Row[]>`
    WITH led AS (
      SELECT id, SUM(delta)::bigint AS ledger FROM (
        -- the holder's own row names it where the eddies went (a transfer between two
        -- holders, a listing's payment into a mail, writes one row for each side)
        SELECT substr(h, ${cut}) AS id, delta FROM (
          SELECT CASE WHEN "eddiesDelta" > 0 THEN "toOwner" ELSE "fromOwner" END AS h,
                 "eddiesDelta" AS delta
          FROM "LedgerEntry"
          WHERE "characterId" IS NULL AND "itemId" IS NULL
            AND ("toOwner" LIKE ${like} OR "fromOwner" LIKE ${like})
        ) r
        WHERE h LIKE ${like}
      ) m
      WHERE TRUE ${inScope(Prisma.sql`id`)}
      GROUP BY id
    ), cur AS (
      SELECT "id", ${col}::bigint AS actual FROM ${table} WHERE TRUE ${inScope(Prisma.sql`"id"`)}
    )
    SELECT COALESCE(cur.id, led.id) AS id, COALESCE(led.ledger, 0)::bigint AS ledger,
           COALESCE(cur.actual, 0)::bigint AS actual
    FROM cur FULL OUTER JOIN led ON led.id = cur.id
    WHERE COALESCE(led.ledger, 0) <> COALESCE(cur.actual, 0)
    ORDER BY 1`;
}
