/**
 * The part of checkInvariants for the commodity market beyond its held eddies: the
 * escrow of every good equals the open buy notional (price × what is left), and every
 * order's filled units and value equal its fills (reported as units when those differ, else value) — no over-fill, no fill lost. (The
 * database's CHECK keeps the first per order; this sums it per good as an operator reads it.)
 */
import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';

interface Difference {
  kind: 'market_notional' | 'market_fills';
  id: string;
  ledger: number;
  actual: number;
}

/** Differences over all orders, or over `ids` (a scope's orders). */
export async function marketDifferences(
  tx: Tx,
  ids: readonly string[] | null,
): Promise<Difference[]> {
  const list = ids ? [...ids] : null;
  const inScope = (col: Prisma.Sql) =>
    list ? Prisma.sql`AND ${col} = ANY(${list}::text[])` : Prisma.empty;
  const notional = await tx.$queryRaw<{ id: string; ledger: bigint; actual: bigint }[]>`
    SELECT "templateId" AS id,
      SUM(CASE WHEN "side" = 'buy' AND "state" = 'open' THEN "price"::bigint * "remaining" ELSE 0 END)::bigint AS ledger,
      SUM("escrow")::bigint AS actual
    FROM "MarketOrder" WHERE TRUE ${inScope(Prisma.sql`"id"`)}
    GROUP BY "templateId"
    HAVING SUM(CASE WHEN "side" = 'buy' AND "state" = 'open' THEN "price"::bigint * "remaining" ELSE 0 END)
      <> SUM("escrow")`;
  const fills = await tx.$queryRaw<{ id: string; ledger: bigint; actual: bigint }[]>`
    WITH f AS (
      SELECT "buyOrderId" AS id, "quantity", "price" FROM "MarketFill"
      UNION ALL
      SELECT "sellOrderId", "quantity", "price" FROM "MarketFill"
    ), s AS (
      SELECT id, SUM("quantity")::bigint AS q, SUM("quantity"::bigint * "price")::bigint AS v
      FROM f WHERE TRUE ${inScope(Prisma.sql`id`)} GROUP BY id
    )
    -- the units when they differ, else the value
    SELECT o."id" AS id,
      CASE WHEN COALESCE(s.q, 0) <> o."filled" THEN COALESCE(s.q, 0) ELSE COALESCE(s.v, 0) END AS ledger,
      CASE WHEN COALESCE(s.q, 0) <> o."filled" THEN o."filled"::bigint ELSE o."value"::bigint END AS actual
    FROM "MarketOrder" o LEFT JOIN s ON s.id = o."id"
    WHERE (COALESCE(s.q, 0) <> o."filled" OR COALESCE(s.v, 0) <> o."value") ${inScope(Prisma.sql`o."id"`)}`;
  const out =
    (kind: Difference['kind']) => (r: { id: string; ledger: bigint; actual: bigint }) => ({
      kind,
      id: r.id,
      ledger: Number(r.ledger),
      actual: Number(r.actual),
    });
  return [...notional.map(out('market_notional')), ...fills.map(out('market_fills'))];
}
