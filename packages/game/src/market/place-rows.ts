/**
 * A placement batch's two database steps besides the matcher (place-batch.ts): reading
 * its placers — characters, open orders, recent buys, the orders their keys placed
 * before and bag stacks, locked — and
 * writing what it accepted — orders, eddies, goods and every ledger row — each in as few
 * statements as the batch's size allows: one to lock the characters, one to read their
 * orders, one for the sellers' bags, one to write it all.
 */
import { MARKET_BUY_WINDOW_MS, type MarketSide } from '@necp/shared';
import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { ItemRowsSchema, type MarketOrderRow } from '../core/locked-rows';
import { withWrites } from '../core/one-statement';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import { charOwner, marketOwner, sinkOwner } from '../ledger/owners';
import { balancesUpdate } from '../ledger/locked-balances';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { readOrders } from './order-rows';
import type { Accepted, Placed, Placer, Stack } from './place-checks';

/**
 * Locks and reads the placers of a batch (characters first, then the sellers' bags).
 * `skipLocked`: a character another transaction holds is left out (its placement goes
 * alone, later) — a batch never waits for one player's other business. The orders read
 * are also those the placements' idempotency keys placed before: read under the
 * characters' locks (every placement of a character holds its lock), so a retry sees the
 * first try's order once that committed, and the batch never writes a key twice.
 */
export async function readPlacers(
  tx: Tx,
  templateId: string,
  placements: readonly Placed[],
  now: Date,
  skipLocked: boolean,
): Promise<Map<string, Placer>> {
  const ids = [...new Set(placements.map((o) => o.characterId))];
  const chars = await lockCharacters(tx, ids, { skipLocked });
  const live = chars.map((c) => c.id);
  if (live.length === 0) return new Map();
  const since = new Date(now.getTime() - MARKET_BUY_WINDOW_MS);
  const keys = new Set(placements.map((o) => o.idempotencyKey));
  // one statement: the open orders, the recent buys and the keys' orders (the unique
  // index on characterId, idempotencyKey finds those)
  const orders = await tx.$queryRaw<
    {
      id: string;
      characterId: string;
      idempotencyKey: string;
      templateId: string;
      side: MarketSide;
      type: string;
      price: number;
      quantity: number;
      durationH: number;
      state: string;
      recent: boolean;
    }[]
  >`
    SELECT "id", "characterId", "idempotencyKey", "templateId", "side", "type", "price",
      "quantity", "durationH", "state",
      ("templateId" = ${templateId} AND "side" = 'buy' AND "placedAt" > ${since}::timestamp) AS "recent"
    FROM "MarketOrder"
    WHERE "characterId" = ANY(${live}::text[])
      AND ("state" = 'open'
        OR ("templateId" = ${templateId} AND "side" = 'buy' AND "placedAt" > ${since}::timestamp)
        OR "idempotencyKey" = ANY(${[...keys]}::text[]))`;
  const sellers = [
    ...new Set(placements.filter((o) => o.side === 'sell').map((o) => o.characterId)),
  ].filter((id) => live.includes(id));
  // ORDER BY an enum column sorts in declaration order: BAG before EQUIPMENT (lockCharacterItems)
  const items = sellers.length
    ? ItemRowsSchema.parse(
        await tx.$queryRaw<unknown[]>`
          SELECT * FROM "Item"
          WHERE "characterId" = ANY(${sellers}::text[]) AND "container" IN ('BAG', 'EQUIPMENT')
          ORDER BY "characterId", "container", "slot" FOR UPDATE`,
      )
    : [];
  const placers = new Map<string, Placer>();
  for (const c of chars)
    placers.set(c.id, {
      c,
      eddies: c.eddies,
      open: 0,
      own: [],
      bought: 0,
      stacks: [],
      keyed: new Map(),
    });
  for (const o of orders) {
    const p = placers.get(o.characterId)!;
    if (keys.has(o.idempotencyKey)) p.keyed.set(o.idempotencyKey, o);
    if (o.state === 'open') p.open++;
    if (o.state === 'open' && o.templateId === templateId)
      p.own.push({ side: o.side, price: o.price });
    if (o.recent) p.bought += o.quantity;
  }
  for (const i of items)
    if (
      i.container === 'BAG' &&
      i.templateId === templateId &&
      i.reservation === null &&
      i.boundCharacterId === null
    )
      placers
        .get(i.characterId!)!
        .stacks.push({ row: i, quantity: i.quantity, held: false, deleted: false, touched: false });
  return placers;
}

const heldId = (a: Accepted) =>
  a.held === null ? null : 'stack' in a.held ? a.held.stack.row.id : a.held.id;

/** The ledger rows of an accepted placement: its fee, a buy's escrow, a sell's goods. */
function ledgerOf(a: Accepted, templateId: string): LedgerRow[] {
  const c = a.placer.c.id;
  const ref = a.orderId;
  const rows: LedgerRow[] = [
    {
      reason: 'market_fee',
      characterId: c,
      eddiesDelta: -a.fee,
      balanceAfter: a.afterFee,
      fromOwner: charOwner(c),
      toOwner: sinkOwner('market_fee'),
      ref,
    },
  ];
  if (a.o.side === 'buy') {
    rows.push(
      {
        reason: 'market',
        characterId: c,
        eddiesDelta: -a.escrow,
        balanceAfter: a.afterEscrow,
        fromOwner: charOwner(c),
        toOwner: marketOwner(ref),
        ref,
      },
      heldLedgerRow(
        {
          holder: 'market',
          id: ref,
          reason: 'market',
          delta: a.escrow,
          counterparty: charOwner(c),
          ref,
        },
        a.escrow,
      ),
    );
  }
  for (const t of a.taken)
    rows.push({
      reason: 'market',
      itemId: t.itemId === 'held' ? heldId(a) : t.itemId,
      templateId,
      quantityDelta: t.delta,
      fromOwner: charOwner(c),
      toOwner: marketOwner(ref),
      ref,
    });
  return rows;
}

/**
 * Writes the accepted placements in ONE statement (core/one-statement.ts): the placers'
 * eddies (each row as read under its lock, or nothing is written), the sell orders'
 * goods (each stack once, in its final state), the orders, every ledger row. Returns the
 * orders as written.
 */
export async function writePlacements(
  tx: Tx,
  template: { id: string; name: string },
  accepted: readonly Accepted[],
  now: Date,
): Promise<MarketOrderRow[]> {
  const placers = [...new Set(accepted.map((a) => a.placer))];
  const writes: Prisma.Sql[] = [
    balancesUpdate(placers.map((p) => ({ id: p.c.id, before: p.c.eddies, after: p.eddies }))),
  ];
  const stacks: Stack[] = placers.flatMap((p) => p.stacks.filter((s) => s.touched));
  const deleted = stacks.filter((s) => s.deleted && !s.held).map((s) => s.row.id);
  const changed = stacks.filter((s) => !s.deleted || s.held);
  if (deleted.length)
    writes.push(Prisma.sql`DELETE FROM "Item" WHERE "id" = ANY(${deleted}::text[])`);
  if (changed.length)
    writes.push(Prisma.sql`
      UPDATE "Item" i SET "quantity" = v."q", "updatedAt" = now(),
        "container" = CASE WHEN v."held" THEN 'MARKET'::"ItemContainer" ELSE i."container" END,
        "slot" = CASE WHEN v."held" THEN 0 ELSE i."slot" END,
        "characterId" = CASE WHEN v."held" THEN NULL ELSE i."characterId" END,
        "userId" = CASE WHEN v."held" THEN NULL ELSE i."userId" END
      FROM unnest(${changed.map((s) => s.row.id)}::text[], ${changed.map((s) => s.quantity)}::int[],
        ${changed.map((s) => s.held)}::boolean[]) AS v("id", "q", "held")
      WHERE i."id" = v."id"`);
  const fresh = accepted.flatMap((a) => (a.held && !('stack' in a.held) ? [a.held] : []));
  if (fresh.length)
    writes.push(Prisma.sql`
      INSERT INTO "Item" ("id", "templateId", "quantity", "container", "slot", "updatedAt")
      SELECT v."id", ${template.id}, v."q", 'MARKET', 0, now()
      FROM unnest(${fresh.map((f) => f.id)}::text[], ${fresh.map((f) => f.quantity)}::int[])
        AS v("id", "q")`);
  writes.push(ledgerRowsInsert(accepted.flatMap((a) => ledgerOf(a, template.id))));
  const col = <T>(f: (a: Accepted) => T) => accepted.map(f);
  // timestamps as UTC text (an array of dates has no one serialisation on both drivers)
  const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const expires = (a: Accepted) =>
    utc(now.getTime() + (a.o.type === 'market' ? 0 : a.o.durationH) * 3_600_000);
  // written only when every placer's eddies were as read (w0): else nothing comes back
  const orders = await readOrders(
    tx,
    withWrites(
      writes,
      Prisma.sql`
        INSERT INTO "MarketOrder" ("id", "characterId", "idempotencyKey", "templateId", "name",
          "side", "type", "price", "quantity", "remaining", "fee", "escrow", "durationH",
          "placedAt", "expiresAt", "itemId")
        SELECT v."id", v."characterId", v."key", ${template.id}, ${template.name}, v."side",
          v."type", v."price", v."quantity", v."quantity", v."fee", v."escrow", v."durationH",
          ${now}::timestamp, v."expires"::timestamp, v."itemId"
        FROM unnest(${col((a) => a.orderId)}::text[], ${col((a) => a.placer.c.id)}::text[],
          ${col((a) => a.o.idempotencyKey)}::text[],
          ${col((a) => a.o.side)}::text[], ${col((a) => a.o.type)}::text[],
          ${col((a) => a.o.price)}::int[], ${col((a) => a.o.quantity)}::int[],
          ${col((a) => a.fee)}::int[], ${col((a) => a.escrow)}::int[],
          ${col((a) => a.o.durationH)}::int[], ${col(expires)}::text[],
          ${col(heldId)}::text[]) WITH ORDINALITY
          AS v("id", "characterId", "key", "side", "type", "price", "quantity", "fee",
            "escrow", "durationH", "expires", "itemId", "n")
        WHERE (SELECT count(*) FROM w0) = ${placers.length}
        ORDER BY v."n"
        RETURNING *`,
    ),
  );
  if (orders.length !== accepted.length)
    throw new Error('placement batch: a placer changed while locked; nothing written');
  return orders;
}
