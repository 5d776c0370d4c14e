import { Prisma } from '@necp/db';
import type { Db, Tx } from '../core/deps';
import { heldEddiesDifferences, scopedHolderIds } from './check-held-eddies';
import { marketDifferences } from './check-market';
import {
  auctionOwner,
  bankOwner,
  charOwner,
  contractOwner,
  mailOwner,
  marketOwner,
  marketPayoutOwner,
} from './owners';
import { inTransaction } from '../core/transaction';

/** One place where the tables and the ledger disagree. */
export interface InvariantDifference {
  kind:
    | 'character_eddies' // Character.eddies ≠ Σ eddiesDelta (a purged character must sum to 0)
    | 'item_quantity' // Item.quantity ≠ Σ quantityDelta
    | 'deleted_item' // a deleted item's rows do not sum to 0
    | 'template_total' // Σ Item.quantity per template ≠ Σ quantityDelta per template
    | 'guild_eddies' // Guild.bankEddies ≠ Σ eddiesDelta of its rows (a disbanded guild must sum to 0)
    | 'mail_eddies' // Mail.eddies ≠ Σ eddiesDelta of its rows (a deleted mail must sum to 0)
    | 'auction_eddies' // AuctionListing.eddies ≠ Σ eddiesDelta of its rows
    | 'market_escrow' // MarketOrder.escrow ≠ Σ eddiesDelta of its `market:` rows
    | 'market_payout' // MarketOrder.payout ≠ Σ eddiesDelta of its `market-payout:` rows
    | 'market_notional' // Σ escrow ≠ Σ price × remaining of the open buy orders (id: the good)
    | 'contract_eddies' // Contract.escrow ≠ Σ eddiesDelta of its `contract:` rows
    | 'market_fills'; // an order's filled units (value) ≠ its fills' (ledger: the fills, actual: the order)
  /** characterId, itemId, templateId or guildId ('(none)' for ledger rows without one) */
  id: string;
  /** what the ledger sums to */
  ledger: number;
  /** what the tables hold (0 for a row that no longer exists) */
  actual: number;
  templateId?: string;
}

/**
 * Restricts the check to some characters, accounts and guilds (tests share one database
 * with other suites running at the same time). Items in scope: those the given
 * characters/accounts hold now, plus every item whose ledger rows ever named them.
 */
export interface InvariantScope {
  characterIds?: readonly string[];
  userIds?: readonly string[];
  guildIds?: readonly string[];
}

interface Row {
  id: string | null;
  ledger: bigint;
  actual: bigint;
}

/**
 * Conservation check (SPEC rule 2): compares balances and stacks with the sums of
 * the append-only ledger. Reads one REPEATABLE READ snapshot, so it can run against
 * a live database without reporting half-committed work. Empty list = balanced.
 */
export async function checkInvariants(
  db: Db,
  scope?: InvariantScope,
): Promise<InvariantDifference[]> {
  return inTransaction(db, (tx) => differences(tx, scope), {
    isolation: Prisma.TransactionIsolationLevel.RepeatableRead,
    maxWaitMs: 30_000,
    timeoutMs: 120_000,
  });
}

async function differences(tx: Tx, scope?: InvariantScope): Promise<InvariantDifference[]> {
  const chars = [...(scope?.characterIds ?? [])];
  const users = [...(scope?.userIds ?? [])];
  const guilds = [...(scope?.guildIds ?? [])];
  const owners = [...chars.map(charOwner), ...users.map(bankOwner)];
  // mails and listings of the scope's characters: their held items and eddies are in scope too
  const listings = scope
    ? await scopedHolderIds(
        tx,
        'auction',
        Prisma.sql`SELECT "id" FROM "AuctionListing"
          WHERE "sellerId" = ANY(${chars}::text[]) OR "bidderId" = ANY(${chars}::text[])`,
        owners,
      )
    : null;
  const mails = scope
    ? await scopedHolderIds(
        tx,
        'mail',
        Prisma.sql`SELECT "id" FROM "Mail"
          WHERE "toId" = ANY(${chars}::text[]) OR "fromId" = ANY(${chars}::text[])`,
        [...owners, ...(listings ?? []).map(auctionOwner)],
      )
    : null;
  if (mails) owners.push(...mails.map(mailOwner));
  if (listings) owners.push(...listings.map(auctionOwner));
  // market orders of the scope's characters, and those that traded with them
  const orders = scope
    ? await scopedHolderIds(
        tx,
        'market',
        Prisma.sql`SELECT "id" FROM "MarketOrder" WHERE "characterId" = ANY(${chars}::text[])`,
        owners,
      )
    : null;
  if (orders) owners.push(...orders.flatMap((id) => [marketOwner(id), marketPayoutOwner(id)]));
  // contracts the scope's characters posted or took
  const contracts = scope
    ? await scopedHolderIds(
        tx,
        'contract',
        Prisma.sql`SELECT "id" FROM "Contract"
          WHERE "posterId" = ANY(${chars}::text[]) OR "takerId" = ANY(${chars}::text[])`,
        owners,
      )
    : null;
  if (contracts) owners.push(...contracts.map(contractOwner));

  const charFilter = (col: Prisma.Sql) =>
    scope ? Prisma.sql`AND ${col} = ANY(${chars}::text[])` : Prisma.empty;
  const scopedItems = Prisma.sql`(
    SELECT "id" FROM "Item" WHERE "characterId" = ANY(${chars}::text[]) OR "userId" = ANY(${users}::text[])
    UNION
    SELECT "itemId" FROM "LedgerEntry"
    WHERE "itemId" IS NOT NULL AND ("fromOwner" = ANY(${owners}::text[]) OR "toOwner" = ANY(${owners}::text[]))
  )`;
  const itemFilter = (col: Prisma.Sql) =>
    scope ? Prisma.sql`AND ${col} IN ${scopedItems}` : Prisma.empty;

  const eddies = await tx.$queryRaw<Row[]>`
    WITH led AS (
      SELECT "characterId" AS id, SUM("eddiesDelta")::bigint AS ledger FROM "LedgerEntry"
      WHERE "characterId" IS NOT NULL ${charFilter(Prisma.sql`"characterId"`)}
      GROUP BY "characterId"
    ), cur AS (
      SELECT "id", "eddies"::bigint AS actual FROM "Character" WHERE TRUE ${charFilter(Prisma.sql`"id"`)}
    )
    SELECT COALESCE(cur.id, led.id) AS id, COALESCE(led.ledger, 0)::bigint AS ledger,
           COALESCE(cur.actual, 0)::bigint AS actual
    FROM cur FULL OUTER JOIN led ON led.id = cur.id
    WHERE COALESCE(led.ledger, 0) <> COALESCE(cur.actual, 0)
    ORDER BY 1`;

  const items = await tx.$queryRaw<(Row & { templateId: string | null; deleted: boolean })[]>`
    WITH led AS (
      SELECT "itemId" AS id, SUM("quantityDelta")::bigint AS ledger, MIN("templateId") AS tpl
      FROM "LedgerEntry" WHERE "itemId" IS NOT NULL ${itemFilter(Prisma.sql`"itemId"`)}
      GROUP BY "itemId"
    ), cur AS (
      SELECT "id", "templateId" AS tpl, "quantity"::bigint AS actual FROM "Item"
      WHERE TRUE ${itemFilter(Prisma.sql`"id"`)}
    )
    SELECT COALESCE(cur.id, led.id) AS id, COALESCE(cur.tpl, led.tpl) AS "templateId",
           cur.id IS NULL AS deleted, COALESCE(led.ledger, 0)::bigint AS ledger,
           COALESCE(cur.actual, 0)::bigint AS actual
    FROM cur FULL OUTER JOIN led ON led.id = cur.id
    WHERE COALESCE(led.ledger, 0) <> COALESCE(cur.actual, 0)
    ORDER BY 1`;

  const templates = await tx.$queryRaw<Row[]>`
    WITH led AS (
      SELECT COALESCE("templateId", '(none)') AS id, SUM("quantityDelta")::bigint AS ledger
      FROM "LedgerEntry" WHERE "itemId" IS NOT NULL ${itemFilter(Prisma.sql`"itemId"`)}
      GROUP BY 1
    ), cur AS (
      SELECT "templateId" AS id, SUM("quantity")::bigint AS actual FROM "Item"
      WHERE TRUE ${itemFilter(Prisma.sql`"id"`)}
      GROUP BY "templateId"
    )
    SELECT COALESCE(cur.id, led.id) AS id, COALESCE(led.ledger, 0)::bigint AS ledger,
           COALESCE(cur.actual, 0)::bigint AS actual
    FROM cur FULL OUTER JOIN led ON led.id = cur.id
    WHERE COALESCE(led.ledger, 0) <> COALESCE(cur.actual, 0)
    ORDER BY 1`;

  const guildEddies = await heldEddiesDifferences(tx, 'guild', scope ? guilds : null);
  const mailEddies = await heldEddiesDifferences(tx, 'mail', mails);
  const auctionEddies = await heldEddiesDifferences(tx, 'auction', listings);
  const escrow = await heldEddiesDifferences(tx, 'market', orders);
  const payout = await heldEddiesDifferences(tx, 'market_payout', orders);
  const market = await marketDifferences(tx, orders);
  const contractEddies = await heldEddiesDifferences(tx, 'contract', contracts);
  const out = (kind: InvariantDifference['kind'], r: Row): InvariantDifference => ({
    kind,
    id: r.id ?? '(none)',
    ledger: Number(r.ledger),
    actual: Number(r.actual),
  });
  return [
    ...eddies.map((r) => out('character_eddies', r)),
    ...items.map((r) => ({
      ...out(r.deleted ? 'deleted_item' : 'item_quantity', r),
      ...(r.templateId ? { templateId: r.templateId } : {}),
    })),
    ...templates.map((r) => out('template_total', r)),
    ...guildEddies.map((r) => out('guild_eddies', r)),
    ...mailEddies.map((r) => out('mail_eddies', r)),
    ...auctionEddies.map((r) => out('auction_eddies', r)),
    ...escrow.map((r) => out('market_escrow', r)),
    ...payout.map((r) => out('market_payout', r)),
    ...market,
    ...contractEddies.map((r) => out('contract_eddies', r)),
  ];
}

/** Human-readable lines for logs and `pnpm invariants`. */
export function formatDifferences(diffs: readonly InvariantDifference[]): string[] {
  return diffs.map(
    (d) =>
      `${d.kind} ${d.id}${d.templateId ? ` (${d.templateId})` : ''}: ledger ${d.ledger}, actual ${d.actual}`,
  );
}
