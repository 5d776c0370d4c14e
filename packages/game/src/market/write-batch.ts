/**
 * Writes one match batch (match-book.ts) in the matcher's transaction, in a handful of
 * statements whatever its size: the orders' new state, the goods between their items,
 * the eddies between their escrow and payouts (tax to its sink), every ledger row, the
 * fills, the journal lines and the book's position. The caller holds the book's lock
 * and every order's row lock; values are computed here and written whole.
 */
import { Prisma } from '@necp/db';
import type { MarketOrderRow } from '../core/locked-rows';
import { marketTax, type BookFill, type BookOrder, type MarketOrderState } from '@necp/shared';
import type { Tx } from '../core/deps';
import { writeAtOnce } from '../core/one-statement';
import { newRowId } from '../core/row-ids';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import { marketOwner, marketPayoutOwner, sinkOwner } from '../ledger/owners';
import { heldLedgerRow } from '../ledger/record-held-currency';
import type { NotifyInput } from '../notifications/notifications';

export type BatchEntry =
  | { kind: 'book'; order: BookOrder }
  | ({ kind: 'fill' } & BookFill)
  | { kind: 'ioc_rest'; orderId: string; remaining: number };

interface State {
  row: MarketOrderRow;
  remaining: number;
  filled: number;
  value: number;
  escrow: number;
  payout: number;
  state: MarketOrderState;
  booked: boolean;
  itemId: string | null;
  units: number;
  newItem: boolean;
  /** units this batch traded on it (a resting order's owner is told) */
  traded: number;
  tradedValue: number;
}

/** What a batch wrote that its caller needs after it. */
export interface BatchWritten {
  /** to the owners of orders that traded, but the answered ones' */
  notices: NotifyInput[];
  /** each answered order the batch took, as it left it, and the units its item holds */
  answers: Map<string, { order: MarketOrderRow; units: number }>;
}

export interface Batch {
  templateId: string;
  /** the book's journal position before the batch */
  seq: number;
  now: Date;
  orders: readonly MarketOrderRow[];
  /** what the orders' items hold, by item id (read with the orders' locks) */
  units: ReadonlyMap<string, number>;
  entries: readonly BatchEntry[];
  /** the orders whose placements run this matcher: their answers tell their owners (no notice) */
  answered: ReadonlySet<string>;
}

function loadStates(orders: readonly MarketOrderRow[], units: ReadonlyMap<string, number>) {
  return new Map<string, State>(
    orders.map((o) => [
      o.id,
      {
        row: o,
        remaining: o.remaining,
        filled: o.filled,
        value: o.value,
        escrow: o.escrow,
        payout: o.payout,
        state: o.state,
        booked: o.booked,
        itemId: o.itemId,
        units: o.itemId ? (units.get(o.itemId) ?? 0) : 0,
        newItem: false,
        traded: 0,
        tradedValue: 0,
      },
    ]),
  );
}

/**
 * Writes the batch; returns the notices for the owners of orders that traded (notices),
 * which the matcher sends after the commit: a notification row references its character,
 * and the batch must never wait on a character row (a collect holds one while it waits
 * for an order of this batch — a deadlock).
 */
export async function writeBatch(tx: Tx, b: Batch): Promise<BatchWritten> {
  const states = loadStates(b.orders, b.units);
  const of = (id: string) => {
    const s = states.get(id);
    if (!s) throw new Error(`market batch: order ${id} not locked`);
    return s;
  };
  const ledger: LedgerRow[] = [];
  const fills: { seq: number; f: BookFill }[] = [];
  const journal: { seq: number; kind: string; orderId: string; data: unknown }[] = [];
  let seq = b.seq;
  let last: number | null = null;

  // eddies out of one holder and into another (or a sink), each side its ledger row
  const move = (
    from: { s: State; holder: 'market' | 'market_payout' },
    to: { s: State; holder: 'market' | 'market_payout' } | 'tax',
    amount: number,
    ref: string,
  ) => {
    if (amount <= 0) return;
    const key = (h: 'market' | 'market_payout') => (h === 'market' ? 'escrow' : 'payout');
    from.s[key(from.holder)] -= amount;
    const toOwner =
      to === 'tax'
        ? sinkOwner('market_tax')
        : (to.holder === 'market' ? marketOwner : marketPayoutOwner)(to.s.row.id);
    const fromOwner = (from.holder === 'market' ? marketOwner : marketPayoutOwner)(from.s.row.id);
    const reason = to === 'tax' ? 'market_tax' : 'market';
    ledger.push(
      heldLedgerRow(
        {
          holder: from.holder,
          id: from.s.row.id,
          reason,
          delta: -amount,
          counterparty: toOwner,
          ref,
        },
        from.s[key(from.holder)],
      ),
    );
    if (to === 'tax') return;
    to.s[key(to.holder)] += amount;
    ledger.push(
      heldLedgerRow(
        { holder: to.holder, id: to.s.row.id, reason, delta: amount, counterparty: fromOwner, ref },
        to.s[key(to.holder)],
      ),
    );
  };

  for (const e of b.entries) {
    if (e.kind === 'book') {
      seq++;
      of(e.order.id).booked = true;
      journal.push({ seq, kind: 'book', orderId: e.order.id, data: e.order });
      continue;
    }
    if (e.kind === 'ioc_rest') {
      const s = of(e.orderId);
      if (s.row.side === 'buy')
        move(
          { s, holder: 'market' },
          { s, holder: 'market_payout' },
          s.row.price * e.remaining,
          s.row.id,
        );
      s.remaining = 0;
      s.state = 'cancelled';
      continue;
    }
    seq++;
    const buy = of(e.buyId);
    const sell = of(e.sellId);
    const { price, quantity: q } = e;
    const ref = `fill:${b.templateId}:${seq}`;
    const tax = marketTax(price, q);
    move({ s: buy, holder: 'market' }, { s: sell, holder: 'market_payout' }, price * q - tax, ref);
    move({ s: buy, holder: 'market' }, 'tax', tax, ref);
    // price improvement: a buyer whose limit was above the resting price gets the difference
    move(
      { s: buy, holder: 'market' },
      { s: buy, holder: 'market_payout' },
      (buy.row.price - price) * q,
      ref,
    );
    if (!buy.itemId) {
      buy.itemId = newRowId();
      buy.newItem = true;
    }
    sell.units -= q;
    buy.units += q;
    const goods = {
      reason: 'market' as const,
      templateId: b.templateId,
      fromOwner: marketOwner(sell.row.id),
      toOwner: marketOwner(buy.row.id),
      ref,
    };
    ledger.push(
      { ...goods, itemId: sell.itemId, quantityDelta: -q },
      { ...goods, itemId: buy.itemId, quantityDelta: q },
    );
    for (const s of [buy, sell]) {
      s.remaining -= q;
      s.filled += q;
      s.value += price * q;
      s.traded += q;
      s.tradedValue += price * q;
      if (s.remaining === 0 && s.state === 'open') s.state = 'filled';
    }
    fills.push({ seq, f: e });
    journal.push({
      seq,
      kind: 'fill',
      orderId: e.buyId,
      data: { buyId: e.buyId, sellId: e.sellId, price, quantity: q, taker: e.taker },
    });
    last = price;
  }
  await writeRows(tx, b, [...states.values()], ledger, fills, journal, seq, last);
  const answers = new Map<string, { order: MarketOrderRow; units: number }>();
  for (const id of b.answered) {
    const s = states.get(id);
    if (s) answers.set(id, { order: rowAfter(s, b.now), units: s.units });
  }
  return { notices: notices([...states.values()], b.answered), answers };
}

/** The order's row as the batch left it (what writeRows wrote). */
const rowAfter = (s: State, now: Date): MarketOrderRow => ({
  ...s.row,
  closedAt: s.state === 'open' ? null : (s.row.closedAt ?? now),
  remaining: s.remaining,
  filled: s.filled,
  value: s.value,
  escrow: s.escrow,
  payout: s.payout,
  state: s.state,
  booked: s.booked,
  itemId: s.itemId,
});

/**
 * Every write of the batch in ONE statement (core/one-statement.ts: the foreign keys are
 * checked at its end, when the new items and the orders' new item ids are both there).
 * The sets of items created, changed and deleted are disjoint (no row written twice).
 */
async function writeRows(
  tx: Tx,
  b: Batch,
  states: readonly State[],
  ledger: readonly LedgerRow[],
  fills: readonly { seq: number; f: BookFill }[],
  journal: readonly { seq: number; kind: string; orderId: string; data: unknown }[],
  seq: number,
  last: number | null,
) {
  const writes: Prisma.Sql[] = [];
  const created = states.filter((s) => s.newItem && s.itemId);
  if (created.length)
    writes.push(Prisma.sql`
      INSERT INTO "Item" ("id", "templateId", "quantity", "container", "slot", "updatedAt")
      SELECT id, ${b.templateId}, q, 'MARKET'::"ItemContainer", 0, now()
      FROM unnest(${created.map((s) => s.itemId as string)}::text[], ${created.map((s) => s.units)}::int[]) AS v(id, q)`);
  const changed = states.filter((s) => s.itemId && !s.newItem && s.units > 0 && s.traded > 0);
  if (changed.length)
    writes.push(Prisma.sql`
      UPDATE "Item" i SET "quantity" = v.q, "updatedAt" = now()
      FROM unnest(${changed.map((s) => s.itemId as string)}::text[], ${changed.map((s) => s.units)}::int[]) AS v(id, q)
      WHERE i."id" = v.id`);
  const emptied = states.filter((s) => s.itemId && s.units === 0).map((s) => s.itemId as string);
  for (const s of states) if (s.itemId && s.units === 0) s.itemId = null;
  writes.push(Prisma.sql`
    UPDATE "MarketOrder" o SET "remaining" = v.remaining, "filled" = v.filled, "value" = v.value,
      "escrow" = v.escrow, "payout" = v.payout, "state" = v.state, "booked" = v.booked,
      "itemId" = v.item,
      "closedAt" = CASE WHEN v.state <> 'open' THEN COALESCE(o."closedAt", ${b.now}) ELSE NULL END
    FROM unnest(${states.map((s) => s.row.id)}::text[], ${states.map((s) => s.remaining)}::int[],
      ${states.map((s) => s.filled)}::int[], ${states.map((s) => s.value)}::int[],
      ${states.map((s) => s.escrow)}::int[], ${states.map((s) => s.payout)}::int[],
      ${states.map((s) => s.state)}::text[], ${states.map((s) => s.booked)}::boolean[],
      ${states.map((s) => s.itemId)}::text[])
      AS v(id, remaining, filled, value, escrow, payout, state, booked, item)
    WHERE o."id" = v.id`);
  if (emptied.length)
    writes.push(Prisma.sql`DELETE FROM "Item" WHERE "id" = ANY(${emptied}::text[])`);
  if (ledger.length) writes.push(ledgerRowsInsert(ledger));
  if (fills.length)
    writes.push(Prisma.sql`
      INSERT INTO "MarketFill" ("templateId", "seq", "buyOrderId", "sellOrderId", "price", "quantity", "taker", "at")
      SELECT ${b.templateId}, * , ${b.now}::timestamp FROM unnest(
        ${fills.map((x) => x.seq)}::int[], ${fills.map((x) => x.f.buyId)}::text[],
        ${fills.map((x) => x.f.sellId)}::text[], ${fills.map((x) => x.f.price)}::int[],
        ${fills.map((x) => x.f.quantity)}::int[], ${fills.map((x) => x.f.taker)}::text[])`);
  writes.push(Prisma.sql`
    INSERT INTO "MarketJournal" ("templateId", "seq", "kind", "orderId", "data", "at")
    SELECT ${b.templateId}, s, k, o, d::jsonb, ${b.now}::timestamp FROM unnest(
      ${journal.map((j) => j.seq)}::int[], ${journal.map((j) => j.kind)}::text[],
      ${journal.map((j) => j.orderId)}::text[], ${journal.map((j) => JSON.stringify(j.data))}::text[])
      AS v(s, k, o, d)`);
  await writeAtOnce(
    tx,
    writes,
    Prisma.sql`
      UPDATE "MarketBook" SET "seq" = ${seq}, "last" = COALESCE(${last}::int, "last"), "updatedAt" = now()
      WHERE "templateId" = ${b.templateId}`,
  );
}

/**
 * One notice per order that traded in the batch, but those whose placements run it (they
 * have their answers): resting orders, and orders placed while another held the book.
 */
function notices(states: readonly State[], answered: ReadonlySet<string>): NotifyInput[] {
  return states
    .filter((s) => s.traded > 0 && s.row.characterId && !answered.has(s.row.id))
    .map((s) => ({
      characterId: s.row.characterId as string,
      kind: 'market_fill' as const,
      title: `${s.row.side === 'sell' ? 'Sold' : 'Bought'} ${s.traded} × ${s.row.name}`,
      body: `At ${Math.round(s.tradedValue / s.traded)} eddies each${s.state === 'filled' ? ' — the order is filled' : ''}. Collect at an Exchange terminal.`,
    }));
}
