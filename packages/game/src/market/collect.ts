import {
  MarketCollectInputSchema,
  type MarketCollectInput,
  type MarketOrderView,
} from '@necp/shared';
import { Prisma, type Character, type Item } from '@necp/db';
import type { MarketOrderRow } from '../core/locked-rows';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacter, lockCharactersItems } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { bagOf } from '../inventory/container';
import { inBag } from '../inventory/owned-items';
import { planPlacement, type PlacementPlan, type SlottedStack } from '../inventory/placement';
import { loadTemplates } from '../inventory/templates';
import {
  writePlacements,
  type Placement,
  type WritePlacementArgs,
} from '../inventory/write-placement';
import { withWrites } from '../core/one-statement';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import { LockedBalances } from '../ledger/locked-balances';
import { charOwner, marketOwner, marketPayoutOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { heldLedgerRow, recordHeldCurrency } from '../ledger/record-held-currency';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { orderNotFound } from './errors';
import { assertAtMarketTerminal, itemUnits, orderView, readOrders, toCollect } from './order-rows';

/** The eddies an order waits to pay its owner, to the owner (ledger `market`). */
async function payoutToCharacter(tx: Tx, o: MarketOrderRow, characterId: string) {
  await recordHeldCurrency(tx, {
    holder: 'market_payout',
    id: o.id,
    reason: 'market',
    delta: -o.payout,
    counterparty: charOwner(characterId),
    ref: o.id,
  });
  await recordCurrency(tx, {
    reason: 'market',
    characterId,
    delta: o.payout,
    fromOwner: marketPayoutOwner(o.id),
    toOwner: charOwner(characterId),
    ref: o.id,
  });
}

/**
 * The eddies several locked orders wait to pay their owners, in ONE statement: a
 * placement batch's, whose placers' rows it locked and read (`owner.eddies`: each one's
 * balance now, LockedBalances) — where payoutToCharacter is two statements an order.
 * Returns the orders with nothing left to pay, by id.
 */
export async function payoutsLocked(
  tx: Tx,
  due: readonly { order: MarketOrderRow; owner: { id: string; eddies: number } }[],
): Promise<Map<string, MarketOrderRow>> {
  if (due.length === 0) return new Map();
  const balances = new LockedBalances();
  const rows: LedgerRow[] = [];
  for (const { order: o, owner } of due) {
    const to = charOwner(owner.id);
    rows.push(
      heldLedgerRow(
        {
          holder: 'market_payout',
          id: o.id,
          reason: 'market',
          delta: -o.payout,
          counterparty: to,
          ref: o.id,
        },
        0,
      ),
      balances.step(owner, {
        reason: 'market',
        characterId: owner.id,
        delta: o.payout,
        fromOwner: marketPayoutOwner(o.id),
        toOwner: to,
        ref: o.id,
      }),
    );
  }
  const ids = due.map((d) => d.order.id);
  const [done] = await tx.$queryRaw<{ ok: boolean }[]>(
    withWrites(
      [
        balances.write(),
        Prisma.sql`
          UPDATE "MarketOrder" o SET "payout" = 0
          FROM unnest(${ids}::text[], ${due.map((d) => d.order.payout)}::int[]) AS v("id", "payout")
          WHERE o."id" = v."id" AND o."payout" = v."payout"
          RETURNING o."id"`,
        ledgerRowsInsert(rows),
      ],
      Prisma.sql`SELECT ${balances.allWritten('w0')} AND (SELECT count(*) FROM w1) = ${ids.length} AS "ok"`,
    ),
  );
  if (!done?.ok) throw new Error('market: a payout or its owner changed while locked');
  return new Map(due.map((d) => [d.order.id, { ...d.order, payout: 0 }]));
}

/**
 * The goods of locked orders into their owners' bags, each whole or not at all (a full
 * bag: they wait) — the bags and the orders' items locked and read in one statement, and
 * every placement with every order's release of its item written in one more, where one
 * order at a time took two each (a placement batch's buyers: docs/perf.md). An owner with
 * two orders here has the second placed in a round after the first, into the bag as the
 * first left it (a stack it started may take more). Returns the ids of orders whose goods went.
 */
export async function goodsToBags(
  tx: Tx,
  due: readonly { order: MarketOrderRow; owner: Character }[],
): Promise<Set<string>> {
  const holding = due.filter((d) => d.order.itemId !== null);
  const moved = new Set<string>();
  if (holding.length === 0) return moved;
  const itemIds = new Set(holding.map((d) => d.order.itemId!));
  // the orders' goods read with the bags they go to (only each order's holder, this
  // transaction, touches them)
  const rows = await lockCharactersItems(
    tx,
    [...new Set(holding.map((d) => d.owner.id))],
    [...itemIds],
  );
  const goods = new Map(rows.filter((i) => itemIds.has(i.id)).map((i) => [i.id, i]));
  const templates = await loadTemplates(
    tx,
    [...goods.values()].map((i) => i.templateId),
  );
  const bags = new Map<string, SlottedStack[]>();
  for (const i of inBag(rows)) bags.set(i.characterId!, [...(bags.get(i.characterId!) ?? []), i]);
  // each owner's orders in turn: round k places every owner's k-th
  const queues = new Map<string, (typeof holding)[number][]>();
  for (const d of holding) queues.set(d.owner.id, [...(queues.get(d.owner.id) ?? []), d]);
  for (let round = 0; [...queues.values()].some((q) => q.length > round); round++) {
    const placing: { args: WritePlacementArgs; orderId: string; ownerId: string; item: Item }[] =
      [];
    for (const queue of queues.values()) {
      const d = queue[round];
      if (!d) continue;
      const item = goods.get(d.order.itemId!);
      if (!item) throw new Error(`market: order ${d.order.id} holds a missing item`);
      const r = planPlacement({
        slots: d.owner.bagSlots,
        occupants: bags.get(d.owner.id) ?? [],
        incoming: { ...item, stackSize: templates.get(item.templateId)!.stackSize },
      });
      if (!r.ok) continue;
      placing.push({
        orderId: d.order.id,
        ownerId: d.owner.id,
        item,
        args: toBag(d.order, d.owner, item, r.plan),
      });
    }
    if (placing.length === 0) continue;
    // the orders let go of their items in the placements' statement
    const ids = placing.map((p) => p.orderId);
    const release = Prisma.sql`UPDATE "MarketOrder" SET "itemId" = NULL WHERE "id" = ANY(${ids}::text[])`;
    const placed = await writePlacements(
      tx,
      placing.map((p) => p.args),
      [release],
    );
    placing.forEach((p, k) => {
      moved.add(p.orderId);
      bags.set(p.ownerId, grown(bags.get(p.ownerId) ?? [], placed[k]!, p.item));
    });
  }
  return moved;
}

/** A placement of an order's goods into its owner's bag. */
function toBag(
  o: MarketOrderRow,
  c: Character,
  item: Item,
  plan: PlacementPlan,
): WritePlacementArgs {
  return {
    target: bagOf(c),
    plan,
    templateId: item.templateId,
    durability: item.durability,
    boundCharacterId: item.boundCharacterId,
    reason: 'market',
    fromOwner: marketOwner(o.id),
    ref: o.id,
    source: item,
  };
}

/** A bag as a written placement of `item`'s units left it. */
function grown(bag: readonly SlottedStack[], placed: readonly Placement[], item: Item) {
  const add = new Map(placed.map((p) => [p.itemId, p.quantity]));
  const kept = bag.map((s) =>
    add.has(s.id) ? { ...s, quantity: s.quantity + add.get(s.id)! } : s,
  );
  const known = new Set(bag.map((s) => s.id));
  const made = placed
    .filter((p) => !known.has(p.itemId))
    .map((p) => ({ ...item, id: p.itemId, slot: p.slot, quantity: p.quantity }));
  return [...kept, ...made];
}

/** An order as a collect left it, and the units its item holds. */
export interface Collected {
  order: MarketOrderRow;
  units: number;
  /** something was taken (eddies or goods) */
  taken: boolean;
}

/**
 * Takes what locked orders of `c` hold for it: their eddies always, their goods (bought,
 * or a closed sell order's unsold) when they fit in the bag — all the goods at once
 * (goodsToBags). Returns each order after — the row given, changed by what was taken
 * (payout, item), since nothing else writes a locked order — with what its item holds.
 */
export async function collectLocked(
  tx: Tx,
  orders: readonly MarketOrderRow[],
  c: Character,
): Promise<Collected[]> {
  const units = await itemUnits(
    tx,
    orders.flatMap((o) => (o.itemId ? [o.itemId] : [])),
  );
  const dues = orders.map((o) => {
    const held = o.itemId ? (units.get(o.itemId) ?? 0) : 0;
    return { o, held, due: toCollect(o, held) };
  });
  for (const d of dues) if (d.due.eddies > 0) await payoutToCharacter(tx, d.o, c.id);
  const moved = await goodsToBags(
    tx,
    dues.filter((d) => d.due.quantity > 0).map((d) => ({ order: d.o, owner: c })),
  );
  return dues.map(({ o, held, due }) => {
    const went = moved.has(o.id);
    return {
      order: { ...o, payout: due.eddies > 0 ? 0 : o.payout, itemId: went ? null : o.itemId },
      units: went ? 0 : held,
      taken: due.eddies > 0 || went,
    };
  });
}

/** Views of orders, with the units their items hold. */
export async function orderViews(
  tx: Tx,
  orders: readonly MarketOrderRow[],
): Promise<MarketOrderView[]> {
  const ids = orders.map((o) => o.itemId).filter((x): x is string => x !== null);
  const units = await itemUnits(tx, ids);
  return orders.map((o) => orderView(o, o.itemId ? (units.get(o.itemId) ?? 0) : 0));
}

/**
 * Collects at an Exchange terminal what one order (`orderId`) or every order of the
 * character holds for it: eddies earned or returned, goods bought or returned (into
 * the bag when they fit; otherwise they wait). Returns the orders after.
 */
export async function collectOrders(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MarketCollectInput,
): Promise<MarketOrderView[]> {
  const q = parseInput(MarketCollectInputSchema, input);
  return inTransaction(deps.db, (tx) => collectIn(tx, q), DIRECT);
}

/** collectOrders in the caller's transaction. */
export async function collectIn(tx: Tx, q: MarketCollectInput): Promise<MarketOrderView[]> {
  const c = await lockCharacter(tx, q.characterId);
  assertAtMarketTerminal(c);
  return collectFor(tx, c, q.orderId);
}

/**
 * What a locked character's orders hold for it (only `orderId`, when given: the
 * placement collects what its order made, in its own transaction), collected; the
 * views of those orders after (`orderId`'s always, even with nothing to collect).
 */
export async function collectFor(
  tx: Tx,
  c: Character,
  orderId?: string,
): Promise<MarketOrderView[]> {
  const only = orderId ? Prisma.sql`AND "id" = ${orderId}` : Prisma.empty;
  const locked = await readOrders(
    tx,
    Prisma.sql`
      SELECT * FROM "MarketOrder"
      WHERE "characterId" = ${c.id} ${only}
        AND ("payout" > 0 OR ("itemId" IS NOT NULL AND ("side" = 'buy' OR "state" <> 'open'))
             OR "id" = ${orderId ?? ''})
      ORDER BY "id" FOR UPDATE`,
  );
  if (orderId && locked.length === 0) throw orderNotFound();
  const after = await collectLocked(tx, locked, c);
  if (after.some((a) => a.taken)) await publishStatsChanged(tx, c.id, 'market.collect');
  return after.map((a) => orderView(a.order, a.units));
}
