/**
 * The order book of one good and its matching rule, pure (issue 29): price-time
 * priority — the best price first, then the older order (`no`, the placement's
 * sequence); partial fills; a fill trades at the RESTING order's price, so a taker
 * that would pay more (or take less) gets the better price ("price improvement goes
 * to the taker"). A market order (ioc) takes what it can up to its limit and never
 * rests. The game's matcher (packages/game/src/market) runs this on the rows it
 * locked; the journal replay runs it on the journal, and the two must agree.
 */
import type { MarketSide } from './market-rules';

export interface BookOrder {
  id: string;
  side: MarketSide;
  /** the limit, per unit */
  price: number;
  remaining: number;
  /** time priority: lower is older */
  no: number;
  /** immediate-or-cancel (a market order): what is left after matching is cancelled */
  ioc: boolean;
}

export interface BookFill {
  buyId: string;
  sellId: string;
  /** the resting order's price */
  price: number;
  quantity: number;
  /** the incoming order's side */
  taker: MarketSide;
}

/** Both sides, best first: bids by price high → low, asks low → high; then by `no`. */
export interface Book {
  bids: BookOrder[];
  asks: BookOrder[];
}

const before = (a: BookOrder, b: BookOrder) =>
  a.price !== b.price ? (a.side === 'buy' ? a.price > b.price : a.price < b.price) : a.no < b.no;

/** Puts a resting order where its priority says (binary search). */
function insert(side: BookOrder[], o: BookOrder) {
  let lo = 0;
  let hi = side.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(side[mid] as BookOrder, o)) lo = mid + 1;
    else hi = mid;
  }
  side.splice(lo, 0, o);
}

/** A book of resting orders (copies: matching changes `remaining`). */
export function bookOf(orders: readonly BookOrder[]): Book {
  const book: Book = { bids: [], asks: [] };
  for (const o of orders)
    if (o.remaining > 0) insert(o.side === 'buy' ? book.bids : book.asks, { ...o });
  return book;
}

const crosses = (incoming: BookOrder, resting: BookOrder) =>
  incoming.side === 'buy' ? resting.price <= incoming.price : resting.price >= incoming.price;

/**
 * Matches `incoming` against the other side of `book`, best first, and rests what is
 * left of a limit order. Changes `book` and `incoming.remaining`; returns the fills
 * in the order they happened and whether the order now rests in the book.
 */
export function matchOrder(book: Book, incoming: BookOrder): { fills: BookFill[]; rests: boolean } {
  const other = incoming.side === 'buy' ? book.asks : book.bids;
  const fills: BookFill[] = [];
  let used = 0;
  while (incoming.remaining > 0 && used < other.length) {
    const resting = other[used] as BookOrder;
    if (!crosses(incoming, resting)) break;
    const quantity = Math.min(incoming.remaining, resting.remaining);
    incoming.remaining -= quantity;
    resting.remaining -= quantity;
    fills.push({
      buyId: incoming.side === 'buy' ? incoming.id : resting.id,
      sellId: incoming.side === 'sell' ? incoming.id : resting.id,
      price: resting.price,
      quantity,
      taker: incoming.side,
    });
    if (resting.remaining === 0) used++;
  }
  other.splice(0, used);
  const rests = incoming.remaining > 0 && !incoming.ioc;
  if (rests) insert(incoming.side === 'buy' ? book.bids : book.asks, incoming);
  return { fills, rests };
}

/** Takes an order out of the book (cancelled, expired); null when it was not in it. */
export function removeOrder(book: Book, id: string): BookOrder | null {
  for (const side of [book.bids, book.asks]) {
    const i = side.findIndex((o) => o.id === id);
    if (i >= 0) return side.splice(i, 1)[0] as BookOrder;
  }
  return null;
}

/** One line of a good's journal, in its sequence. */
export type JournalEntry =
  | { kind: 'book'; order: BookOrder }
  | { kind: 'cancel' | 'expire'; orderId: string }
  | ({ kind: 'fill' } & BookFill);

/**
 * Replays a journal from an empty book: every `book` entry is matched again, every
 * cancel and expiry takes its order out. Returns the book and the fills the replay
 * made — equal to the journal's own `fill` entries when the matcher kept its word.
 */
export function replayJournal(entries: readonly JournalEntry[]): { book: Book; fills: BookFill[] } {
  const book: Book = { bids: [], asks: [] };
  const fills: BookFill[] = [];
  for (const e of entries) {
    if (e.kind === 'book') fills.push(...matchOrder(book, { ...e.order }).fills);
    else if (e.kind === 'cancel' || e.kind === 'expire') removeOrder(book, e.orderId);
  }
  return { book, fills };
}
