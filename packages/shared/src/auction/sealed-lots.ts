/**
 * Seasonal "Reef Exchange" sealed lots: at a season's scheduled window special lots are
 * auctioned with sealed maximum (proxy) bids, and the result is a pure function of the
 * bid log — the same log always gives the same winner, price and refunds, whatever order
 * it was read in and on whichever process it is settled (a replay).
 *
 * - Sealed: nobody sees the others' maxima until the lot closes, so there is nothing to
 *   react to and no reason to snipe; the window is fixed (no AUCTION_SNIPE_EXTEND_MS).
 * - Second price: the winner pays what it took to beat the runner-up (the runner-up's
 *   max raised by the house's minimum raise, `minNextBid`), not their own max. Whatever a
 *   bidder enters only decides *whether* they win, never *what* they pay, so the best
 *   strategy is to bid one's true value (as in a Vickrey auction) — no guessing the
 *   others, no shading the bid.
 * - Escrow: the domain holds each bidder's current max while the lot is open; at the
 *   close everyone gets their max back except the winner, who gets max − price back
 *   (`refundsOf`).
 *
 * The regular listings' rules (fees, steps, timing) are in ./auction-rules.
 */
import { AUCTION_PRICE_MAX, minNextBid } from './auction-rules';

/**
 * One entry of a lot's bid log. `seq` is the log's order (unique per lot, assigned by
 * the domain when the bid is taken); `max` is the most the bidder will pay, in whole
 * eddies; `at` the time it was placed (ms). A later entry of the same bidder replaces
 * their max and must be higher than it.
 */
export interface SealedBid {
  seq: number;
  bidderId: string;
  max: number;
  at: number;
}

/** A sealed lot: bids are taken in [opensAt, closesAt) (ms); `reserve` is the least price. */
export interface SealedLot {
  id: string;
  reserve: number;
  opensAt: number;
  closesAt: number;
}

/** Why a bid is refused. */
export type SealedBidRefusal =
  'closed' | 'not_open' | 'below_reserve' | 'not_higher' | 'bad_amount';

export type SealedBidCheck = { ok: true } | { ok: false; reason: SealedBidRefusal };

/** A bidder's final max (one row per bidder). */
export interface SealedRank {
  bidderId: string;
  max: number;
}

export interface SealedLotResult {
  /** The highest max (ties: whoever reached it first), or null when no bid was accepted. */
  winner: string | null;
  /** What the winner pays; 0 when there is no winner. */
  price: number;
  /** Every bidder with an accepted bid, by max (highest first), ties by who reached it first. */
  ranking: SealedRank[];
  /** The `seq` of every entry the rules refused, in `seq` order. */
  ignored: number[];
}

/** What the escrow did for one bidder: held = paid + refund. */
export interface SealedRefund {
  bidderId: string;
  /** Their final max, held in escrow while the lot was open. */
  held: number;
  /** The price for the winner, 0 for everyone else. */
  paid: number;
  /** What comes back: the whole max, or the winner's max − price. */
  refund: number;
}

/** Throws on a lot the domain should never have created (a bug, not a player's mistake). */
function assertLot(lot: SealedLot): void {
  if (
    !Number.isSafeInteger(lot.reserve) ||
    lot.reserve < 1 ||
    lot.reserve > AUCTION_PRICE_MAX ||
    !Number.isFinite(lot.opensAt) ||
    !Number.isFinite(lot.closesAt) ||
    lot.opensAt >= lot.closesAt
  )
    throw new RangeError(`bad sealed lot ${lot.id}`);
}

/** The rule itself, given the bidder's accepted max so far (0 when they have none). */
function refusalOf(lot: SealedLot, previousMax: number, bid: SealedBid): SealedBidRefusal | null {
  if (!Number.isSafeInteger(bid.max) || bid.max <= 0 || bid.max > AUCTION_PRICE_MAX)
    return 'bad_amount';
  if (!(bid.at >= lot.opensAt)) return 'not_open'; // also a NaN time: never inside the window
  if (bid.at >= lot.closesAt) return 'closed';
  if (bid.max < lot.reserve) return 'below_reserve';
  if (bid.max <= previousMax) return 'not_higher';
  return null;
}

/**
 * May `bid` join the lot, given `log`, the entries accepted so far? The amount must be a
 * positive whole number of eddies ≤ AUCTION_PRICE_MAX (`bad_amount`), placed inside
 * [opensAt, closesAt) (`not_open` before, `closed` from closesAt on), at least the
 * reserve (`below_reserve`), and above the bidder's previous max if they have one
 * (`not_higher`: a max only goes up, since the escrow already holds the old one and a
 * lower one would let a bidder probe and back off). Checked in that order.
 */
export function validateSealedBid(
  lot: SealedLot,
  log: readonly SealedBid[],
  bid: SealedBid,
): SealedBidCheck {
  assertLot(lot);
  let previousMax = 0;
  for (const b of log) if (b.bidderId === bid.bidderId && b.max > previousMax) previousMax = b.max;
  const reason = refusalOf(lot, previousMax, bid);
  return reason === null ? { ok: true } : { ok: false, reason };
}

/** The log in `seq` order; a `seq` that is not a safe integer or appears twice is a corrupt log. */
function inSeqOrder(log: readonly SealedBid[]): SealedBid[] {
  const sorted = [...log].sort((a, b) => a.seq - b.seq);
  sorted.forEach((b, i) => {
    if (!Number.isSafeInteger(b.seq)) throw new RangeError(`bad seq ${b.seq} in sealed bid log`);
    if (i > 0 && sorted[i - 1]?.seq === b.seq)
      throw new RangeError(`seq ${b.seq} twice in sealed bid log`);
  });
  return sorted;
}

/** Each bidder's accepted max and the seq that set it; the refused seqs. */
interface Replay {
  best: Map<string, { max: number; seq: number }>;
  ignored: number[];
}

/** Replays the log in `seq` order, each entry validated against those accepted before it. */
function replay(lot: SealedLot, log: readonly SealedBid[]): Replay {
  assertLot(lot);
  const best = new Map<string, { max: number; seq: number }>();
  const ignored: number[] = [];
  for (const bid of inSeqOrder(log)) {
    const reason = refusalOf(lot, best.get(bid.bidderId)?.max ?? 0, bid);
    if (reason === null) best.set(bid.bidderId, { max: bid.max, seq: bid.seq });
    else ignored.push(bid.seq);
  }
  return { best, ignored };
}

/** Highest max first; on a tie, whoever reached that max first (the earlier seq). */
function rankingOf(best: Replay['best']): { bidderId: string; max: number; seq: number }[] {
  return [...best]
    .map(([bidderId, b]) => ({ bidderId, max: b.max, seq: b.seq }))
    .sort((a, b) => b.max - a.max || a.seq - b.seq);
}

/**
 * The lot's result, a pure function of (lot, log): the log is replayed in `seq` order
 * (the order the entries were read in does not matter), each entry checked with
 * validateSealedBid against the entries accepted before it — a refused entry is listed
 * in `ignored` and skipped, never fatal. A bidder's last accepted max counts.
 *
 * The winner is the highest max, on a tie whoever reached it first. The price is the
 * second price with the house's raise: the runner-up's max raised by `minNextBid`
 * (the reserve when nobody else bid), never below the reserve and never above the
 * winner's own max (so a tie at the top costs the winner exactly their max). No
 * accepted bid (every bid must reach the reserve) → no winner, price 0.
 *
 * Throws RangeError on a corrupt lot or log (duplicate or non-integer `seq`).
 */
export function resolveSealedLot(lot: SealedLot, log: readonly SealedBid[]): SealedLotResult {
  const { best, ignored } = replay(lot, log);
  const ranked = rankingOf(best);
  const ranking = ranked.map(({ bidderId, max }) => ({ bidderId, max }));
  const [first, second] = ranked;
  if (!first) return { winner: null, price: 0, ranking, ignored };
  const beatSecond = second ? minNextBid({ startBid: lot.reserve, bid: second.max }) : lot.reserve;
  const price = Math.min(first.max, Math.max(lot.reserve, beatSecond));
  return { winner: first.bidderId, price, ranking, ignored };
}

/**
 * What the escrow held for each bidder (their final accepted max) and what it gives back
 * at the close: everyone their whole max, the winner their max − price. In the
 * ranking's order; for every lot, Σ refund + price = Σ held.
 *
 * `result` must be resolveSealedLot(lot, log); a result that does not fit the log (a
 * winner who never bid, a price above their max) throws RangeError rather than paying
 * out wrong amounts.
 */
export function refundsOf(
  lot: SealedLot,
  log: readonly SealedBid[],
  result: SealedLotResult,
): SealedRefund[] {
  const ranked = rankingOf(replay(lot, log).best);
  if (result.winner === null) {
    if (result.price !== 0)
      throw new RangeError(`lot ${lot.id}: a price ${result.price} without a winner`);
  } else {
    const held = ranked.find((r) => r.bidderId === result.winner)?.max;
    if (
      held === undefined ||
      !Number.isSafeInteger(result.price) ||
      result.price < 0 ||
      result.price > held
    )
      throw new RangeError(`lot ${lot.id}: the result does not fit the bid log`);
  }
  return ranked.map(({ bidderId, max }) => {
    const paid = bidderId === result.winner ? result.price : 0;
    return { bidderId, held: max, paid, refund: max - paid };
  });
}
