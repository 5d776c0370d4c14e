import {
  MarketCollectInputSchema,
  type MarketCollectInput,
  type MarketOrderView,
} from '@necp/shared';
import { Prisma, type Character, type MarketOrder } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { bagOf } from '../inventory/container';
import { inBag } from '../inventory/owned-items';
import { planPlacement } from '../inventory/placement';
import { loadTemplate } from '../inventory/templates';
import { writePlacement } from '../inventory/write-placement';
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
async function payoutToCharacter(tx: Tx, o: MarketOrder, characterId: string) {
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
  due: readonly { order: MarketOrder; owner: { id: string; eddies: number } }[],
): Promise<Map<string, MarketOrder>> {
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

/** The order's goods into the bag, whole or not at all (a full bag: they wait). */
async function goodsToBag(tx: Tx, o: MarketOrder, c: Character): Promise<boolean> {
  if (!o.itemId) return false;
  // the order's goods read with the bag they go to (one statement; only the order's
  // holder, this transaction, touches them)
  const rows = await lockCharacterItems(tx, c.id, [o.itemId]);
  const item = rows.find((i) => i.id === o.itemId);
  if (!item) throw new Error(`market: order ${o.id} holds a missing item`);
  const template = await loadTemplate(tx, item.templateId);
  const r = planPlacement({
    slots: c.bagSlots,
    occupants: inBag(rows.filter((i) => i !== item)),
    incoming: { ...item, stackSize: template.stackSize },
  });
  if (!r.ok) return false;
  // the order lets go of its item in the placement's statement
  const release = Prisma.sql`UPDATE "MarketOrder" SET "itemId" = NULL WHERE "id" = ${o.id}`;
  await writePlacement(
    tx,
    {
      target: bagOf(c),
      plan: r.plan,
      templateId: item.templateId,
      durability: item.durability,
      boundCharacterId: item.boundCharacterId,
      reason: 'market',
      fromOwner: marketOwner(o.id),
      ref: o.id,
      source: item,
    },
    [release],
  );
  return true;
}

/** An order as a collect left it, and the units its item holds. */
export interface Collected {
  order: MarketOrder;
  units: number;
  /** something was taken (eddies or goods) */
  taken: boolean;
}

/**
 * Takes what a locked order of `c` holds for it: its eddies always, its goods (bought,
 * or a closed sell order's unsold) when they fit in the bag. `units`: what its item
 * holds, when the caller knows (the placement's batch wrote it); else read here. Returns
 * the order after — the row given, changed by what was taken (payout, item), since
 * nothing else writes a locked order.
 */
export async function collectLocked(
  tx: Tx,
  o: MarketOrder,
  c: Character,
  units?: number,
): Promise<Collected> {
  const held = units ?? (o.itemId ? ((await itemUnits(tx, [o.itemId])).get(o.itemId) ?? 0) : 0);
  const due = toCollect(o, held);
  if (due.eddies > 0) await payoutToCharacter(tx, o, c.id);
  const moved = due.quantity > 0 && (await goodsToBag(tx, o, c));
  const taken = due.eddies > 0 || moved;
  return {
    order: {
      ...o,
      payout: due.eddies > 0 ? 0 : o.payout,
      itemId: moved ? null : o.itemId,
    },
    units: moved ? 0 : held,
    taken,
  };
}

/** Views of orders, with the units their items hold. */
export async function orderViews(
  tx: Tx,
  orders: readonly MarketOrder[],
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
  const after: Collected[] = [];
  for (const o of locked) after.push(await collectLocked(tx, o, c));
  if (after.some((a) => a.taken)) await publishStatsChanged(tx, c.id, 'market.collect');
  return after.map((a) => orderView(a.order, a.units));
}
