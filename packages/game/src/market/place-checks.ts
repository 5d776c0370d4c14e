/**
 * A placement batch's checks (place-batch.ts), in memory: each placer's character row,
 * open orders, recent buys and free stacks of the good, read and locked once for the
 * batch, then changed by every placement accepted before the next is checked — so two
 * placements of one character in one batch see each other as two transactions would.
 * The refusals and their order are placeOrder's (docs/economy.md). A placement's
 * idempotency key is looked up first: an order its placer placed with it before (read
 * with the placers, or accepted earlier in the batch) is its answer.
 */
import {
  MARKET_BUY_LIMIT_4H,
  MARKET_ORDERS_MAX,
  buyEscrow,
  isMarketGood,
  marketFee,
  type ItemTemplate,
  type MarketPlaceInputSchema,
  type MarketSide,
} from '@necp/shared';
import type { Character, Item } from '@necp/db';
import { characterNotFound, keyReused } from '../core/errors';
import { newRowId } from '../core/row-ids';
import { notEnoughEddies } from '../ledger/record-currency';
import {
  buyLimitReached,
  crossesOwnOrder,
  notAGood,
  notEnoughGoods,
  tooManyOrders,
} from './errors';
import { assertAtMarketTerminal } from './order-rows';

/** A placement as parsed (its type and duration defaulted). */
export type Placed = ReturnType<typeof MarketPlaceInputSchema.parse>;

/** A stack of the good in a seller's bag, as the batch has left it so far. */
export interface Stack {
  row: Item;
  quantity: number;
  /** moved whole into a sell order (its item now) */
  held: boolean;
  deleted: boolean;
  touched: boolean;
}

/** A sell order's item: a stack moved whole, or a new row. */
export type HeldItem = { stack: Stack } | { id: string; quantity: number };

export interface Placer {
  c: Character;
  eddies: number;
  open: number;
  /** open orders of this good (what a new one must not cross) */
  own: { side: MarketSide; price: number }[];
  /** buy units of this good placed within the buy limit's window */
  bought: number;
  /** free stacks of this good in the bag, smallest first */
  stacks: Stack[];
  /** orders placed with the batch's keys, by key: read with the placer, then accepted */
  keyed: Map<string, KeyedOrder>;
}

/** An order placed with an idempotency key: its id and the terms it was placed with. */
export interface KeyedOrder {
  id: string;
  templateId: string;
  side: string;
  type: string;
  price: number;
  quantity: number;
  durationH: number;
}

const sameTerms = (k: KeyedOrder, o: Placed) =>
  k.templateId === o.templateId &&
  k.side === o.side &&
  k.type === o.type &&
  k.price === o.price &&
  k.quantity === o.quantity &&
  k.durationH === o.durationH;

/**
 * The order this placement's key already placed (a retry: its answer), or null (a first
 * try). The key used for other terms: CONFLICT, nothing placed.
 */
export function placedBefore(p: Placer | undefined, o: Placed): string | null {
  const k = p?.keyed.get(o.idempotencyKey);
  if (!k) return null;
  if (!sameTerms(k, o)) throw keyReused();
  return k.id;
}

/** One goods movement of a sell order (as a sell order always wrote them). */
export interface Taken {
  itemId: string | 'held';
  delta: number;
}

/** What an accepted placement writes. */
export interface Accepted {
  orderId: string;
  o: Placed;
  placer: Placer;
  fee: number;
  escrow: number;
  /** the placer's eddies after the fee, then after the escrow */
  afterFee: number;
  afterEscrow: number;
  held: HeldItem | null;
  taken: Taken[];
}

/** The good's content, as much of it as the checks read. */
type Good = Pick<ItemTemplate, 'id' | 'rarity' | 'kind' | 'binding' | 'stackSize'>;

/** The refusals of placeOrder before anything is held, in its order. */
function refuse(p: Placer | undefined, o: Placed, template: Good) {
  if (!p) throw characterNotFound(o.characterId);
  assertAtMarketTerminal(p.c);
  if (!isMarketGood(template)) throw notAGood();
  if (p.open >= MARKET_ORDERS_MAX) throw tooManyOrders();
  const buy = o.side === 'buy';
  const crossed = p.own
    .filter((x) => x.side !== o.side && (buy ? x.price <= o.price : x.price >= o.price))
    .map((x) => x.price);
  if (crossed.length) throw crossesOwnOrder(buy ? Math.min(...crossed) : Math.max(...crossed));
  const limit = MARKET_BUY_LIMIT_4H[template.rarity];
  if (buy && limit !== undefined && limit - p.bought < o.quantity)
    throw buyLimitReached(Math.max(0, limit - p.bought));
}

/**
 * A sell order's goods from the placer's stacks, smallest first: the first whole stack
 * taken becomes its item (moved), every other unit is taken out of its stack and added
 * to that item.
 */
const freeStacks = (p: Placer) => p.stacks.filter((s) => !s.held && !s.deleted && s.quantity > 0);
const freeUnits = (p: Placer) => freeStacks(p).reduce((n, s) => n + s.quantity, 0);

function takeFrom(p: Placer, quantity: number): { held: HeldItem; taken: Taken[] } {
  const free = freeStacks(p);
  let held: HeldItem | null = null;
  const taken: Taken[] = [];
  let left = quantity;
  for (const s of [...free].sort((a, b) => a.quantity - b.quantity || a.row.slot - b.row.slot)) {
    if (left === 0) break;
    const take = Math.min(left, s.quantity);
    left -= take;
    s.touched = true;
    if (take === s.quantity && held === null) {
      s.held = true;
      held = { stack: s };
      taken.push({ itemId: s.row.id, delta: 0 });
      continue;
    }
    s.quantity -= take;
    if (s.quantity === 0) s.deleted = true;
    taken.push({ itemId: s.row.id, delta: -take });
    if (held === null) held = { id: newRowId(), quantity: 0 };
    if ('stack' in held) held.stack.quantity += take;
    else held.quantity += take;
    taken.push({ itemId: 'held', delta: take });
  }
  return { held: held!, taken };
}

/** Checks one placement against its placer as the batch has left it; accepted: changes it. */
export function accept(p: Placer | undefined, o: Placed, template: Good): Accepted {
  refuse(p, o, template);
  const placer = p!;
  const fee = marketFee(o.price, o.quantity);
  const escrow = o.side === 'buy' ? buyEscrow(o.price, o.quantity) : 0;
  // missing goods are refused before missing eddies (as placeOrder always has)
  if (o.side === 'sell') {
    const have = freeUnits(placer);
    if (have < o.quantity) throw notEnoughGoods(have);
  }
  if (placer.eddies - fee - escrow < 0) throw notEnoughEddies();
  const goods = o.side === 'sell' ? takeFrom(placer, o.quantity) : null;
  const afterFee = placer.eddies - fee;
  const afterEscrow = afterFee - escrow;
  placer.eddies = afterEscrow;
  placer.open++;
  placer.own.push({ side: o.side, price: o.price });
  if (o.side === 'buy') placer.bought += o.quantity;
  const orderId = newRowId();
  // the key's order from now on: the same key again in this batch is a retry of this one
  placer.keyed.set(o.idempotencyKey, { ...o, id: orderId });
  return {
    orderId,
    o,
    placer,
    fee,
    escrow,
    afterFee,
    afterEscrow,
    held: goods?.held ?? null,
    taken: goods?.taken ?? [],
  };
}
