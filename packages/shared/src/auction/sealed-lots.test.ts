import { describe, expect, it } from 'vitest';
import { AUCTION_PRICE_MAX, minNextBid } from './auction-rules';
import {
  refundsOf,
  resolveSealedLot,
  validateSealedBid,
  type SealedBid,
  type SealedLot,
  type SealedLotResult,
} from './sealed-lots';

/** mulberry32: a tiny seeded PRNG for tests (the game injects its own seeded Rng). */
function rngFrom(seed: number) {
  let a = seed >>> 0;
  const float = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { float, int, pick };
}

const OPENS = 1_000_000;
const CLOSES = 2_000_000;
const LOT: SealedLot = { id: 'lot-reef-1', reserve: 100, opensAt: OPENS, closesAt: CLOSES };

/** A log entry; `at` defaults to inside the window, one ms per seq. */
const bid = (seq: number, bidderId: string, max: number, at = OPENS + seq): SealedBid => ({
  seq,
  bidderId,
  max,
  at,
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('validateSealedBid', () => {
  it('accepts a bid at the reserve inside [opensAt, closesAt)', () => {
    expect(validateSealedBid(LOT, [], bid(1, 'a', 100, OPENS))).toEqual({ ok: true });
    expect(validateSealedBid(LOT, [], bid(1, 'a', AUCTION_PRICE_MAX, CLOSES - 1))).toEqual({
      ok: true,
    });
  });
  it('refuses a bid outside the window', () => {
    expect(validateSealedBid(LOT, [], bid(1, 'a', 500, OPENS - 1))).toEqual({
      ok: false,
      reason: 'not_open',
    });
    expect(validateSealedBid(LOT, [], bid(1, 'a', 500, CLOSES))).toEqual({
      ok: false,
      reason: 'closed',
    });
    expect(validateSealedBid(LOT, [], bid(1, 'a', 500, Number.NaN))).toEqual({
      ok: false,
      reason: 'not_open',
    });
  });
  it('refuses an amount that is not a positive whole number ≤ AUCTION_PRICE_MAX', () => {
    for (const max of [0, -5, 150.5, AUCTION_PRICE_MAX + 1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(validateSealedBid(LOT, [], bid(1, 'a', max))).toEqual({
        ok: false,
        reason: 'bad_amount',
      });
  });
  it('refuses a bid below the reserve', () => {
    expect(validateSealedBid(LOT, [], bid(1, 'a', 99))).toEqual({
      ok: false,
      reason: 'below_reserve',
    });
  });
  it("refuses a re-bid that does not exceed the bidder's previous max, not other bidders'", () => {
    const log = [bid(1, 'a', 300)];
    expect(validateSealedBid(LOT, log, bid(2, 'a', 300))).toEqual({
      ok: false,
      reason: 'not_higher',
    });
    expect(validateSealedBid(LOT, log, bid(2, 'a', 250))).toEqual({
      ok: false,
      reason: 'not_higher',
    });
    expect(validateSealedBid(LOT, log, bid(2, 'a', 301))).toEqual({ ok: true });
    expect(validateSealedBid(LOT, log, bid(2, 'b', 200))).toEqual({ ok: true }); // sealed: no need to beat a
  });
  it('throws on a lot the domain should never have made', () => {
    expect(() => validateSealedBid({ ...LOT, reserve: 0 }, [], bid(1, 'a', 100))).toThrow(
      RangeError,
    );
    expect(() => validateSealedBid({ ...LOT, closesAt: OPENS }, [], bid(1, 'a', 100))).toThrow(
      RangeError,
    );
  });
});

describe('resolveSealedLot (hand-worked)', () => {
  it('one bidder pays the reserve, whatever their max', () => {
    expect(resolveSealedLot(LOT, [bid(1, 'a', 5_000)])).toEqual({
      winner: 'a',
      price: 100,
      ranking: [{ bidderId: 'a', max: 5_000 }],
      ignored: [],
    });
  });
  it("two bidders: the winner pays the second's max + the raise", () => {
    // minNextBid(200) = ceil(200 × 1.05) = 210
    const r = resolveSealedLot(LOT, [bid(1, 'a', 500), bid(2, 'b', 200)]);
    expect(r).toMatchObject({ winner: 'a', price: 210 });
    expect(r.ranking).toEqual([
      { bidderId: 'a', max: 500 },
      { bidderId: 'b', max: 200 },
    ]);
    // a runner-up at the reserve: the raise still applies (100 → 105), at least 1 eddy (1 → 2)
    expect(resolveSealedLot(LOT, [bid(1, 'a', 500), bid(2, 'b', 100)]).price).toBe(105);
    const tiny = { ...LOT, reserve: 1 };
    expect(resolveSealedLot(tiny, [bid(1, 'a', 500), bid(2, 'b', 1)]).price).toBe(2);
  });
  it("never charges above the winner's own max", () => {
    // minNextBid(490) = 515 > 500: the winner pays their max
    expect(resolveSealedLot(LOT, [bid(1, 'a', 500), bid(2, 'b', 490)])).toMatchObject({
      winner: 'a',
      price: 500,
    });
  });
  it('a tie goes to whoever reached that max first, at their max', () => {
    expect(resolveSealedLot(LOT, [bid(1, 'b', 300), bid(2, 'a', 300)])).toMatchObject({
      winner: 'b',
      price: 300,
    });
    // a reached 300 at seq 3 by raising; b was there at seq 2
    const raised = resolveSealedLot(LOT, [bid(1, 'a', 200), bid(2, 'b', 300), bid(3, 'a', 300)]);
    expect(raised).toMatchObject({ winner: 'b', price: 300 });
    expect(raised.ranking.map((r) => r.bidderId)).toEqual(['b', 'a']);
    // reaching it first counts by seq, not by the order the entries were read in
    const shuffled = resolveSealedLot(LOT, [bid(3, 'b', 300), bid(1, 'a', 300), bid(2, 'b', 200)]);
    expect(shuffled).toMatchObject({ winner: 'a', price: 300 });
  });
  it('a raise by the same bidder replaces their max', () => {
    const log = [bid(1, 'a', 150), bid(2, 'b', 200), bid(3, 'a', 400)];
    const r = resolveSealedLot(LOT, log);
    expect(r).toEqual({
      winner: 'a',
      price: 210,
      ranking: [
        { bidderId: 'a', max: 400 },
        { bidderId: 'b', max: 200 },
      ],
      ignored: [],
    });
    expect(refundsOf(LOT, log, r)).toEqual([
      { bidderId: 'a', held: 400, paid: 210, refund: 190 },
      { bidderId: 'b', held: 200, paid: 0, refund: 200 },
    ]);
  });
  it('ignores (and lists, in seq order) a lower or equal re-bid and bids outside the window', () => {
    const log = [
      bid(7, 'c', 900, CLOSES), // closed: too late, however high
      bid(1, 'a', 300),
      bid(2, 'a', 250), // not higher
      bid(3, 'b', 280),
      bid(4, 'b', 280), // equal: not higher
      bid(5, 'd', 800, OPENS - 1), // not open yet
      bid(6, 'b', 310, CLOSES - 1), // the last ms still counts
    ];
    const r = resolveSealedLot(LOT, log);
    expect(r.ignored).toEqual([2, 4, 5, 7]);
    expect(r.ranking).toEqual([
      { bidderId: 'b', max: 310 },
      { bidderId: 'a', max: 300 },
    ]);
    expect(r).toMatchObject({ winner: 'b', price: 310 }); // minNextBid(300) = 315, capped at 310
  });
  it('ignores bids below the reserve and bad amounts; none left → no winner, price 0', () => {
    const log = [
      bid(1, 'a', 99),
      bid(2, 'b', 0),
      bid(3, 'c', 120.5),
      bid(4, 'd', AUCTION_PRICE_MAX + 1),
    ];
    const r = resolveSealedLot(LOT, log);
    expect(r).toEqual({ winner: null, price: 0, ranking: [], ignored: [1, 2, 3, 4] });
    expect(refundsOf(LOT, log, r)).toEqual([]);
    expect(resolveSealedLot(LOT, [])).toEqual({ winner: null, price: 0, ranking: [], ignored: [] });
    // a below-reserve entry among good ones is skipped, the rest resolves
    expect(resolveSealedLot(LOT, [bid(1, 'a', 400), bid(2, 'b', 99)])).toMatchObject({
      winner: 'a',
      price: 100,
      ignored: [2],
    });
  });
  it('refunds everyone their max and the winner max − price', () => {
    const log = [bid(1, 'a', 1_000), bid(2, 'b', 400), bid(3, 'c', 150)];
    const r = resolveSealedLot(LOT, log);
    expect(r.price).toBe(420);
    expect(refundsOf(LOT, log, r)).toEqual([
      { bidderId: 'a', held: 1_000, paid: 420, refund: 580 },
      { bidderId: 'b', held: 400, paid: 0, refund: 400 },
      { bidderId: 'c', held: 150, paid: 0, refund: 150 },
    ]);
  });
  it('refuses a corrupt log and a result that does not fit the log', () => {
    expect(() => resolveSealedLot(LOT, [bid(1, 'a', 200), bid(1, 'b', 300)])).toThrow(RangeError);
    expect(() => resolveSealedLot(LOT, [bid(1.5, 'a', 200)])).toThrow(RangeError);
    const log = [bid(1, 'a', 500), bid(2, 'b', 200)];
    const r = resolveSealedLot(LOT, log);
    expect(() => refundsOf(LOT, log, { ...r, winner: 'z' })).toThrow(RangeError);
    expect(() => refundsOf(LOT, log, { ...r, price: 501 })).toThrow(RangeError);
    expect(() => refundsOf(LOT, log, { ...r, winner: null })).toThrow(RangeError);
  });
});

/** A random log: a few bidders, coarse amounts (so ties happen), raises, re-bids, bad entries. */
function randomLog(seed: number): { lot: SealedLot; log: SealedBid[] } {
  const rng = rngFrom(seed);
  const lot: SealedLot = {
    id: `lot-${seed}`,
    reserve: rng.int(1, 20) * 50,
    opensAt: OPENS,
    closesAt: CLOSES,
  };
  const bidders = Array.from({ length: rng.int(1, 6) }, (_, i) => `char-${i}`);
  const n = rng.int(0, 25);
  let seq = rng.int(0, 10);
  const log: SealedBid[] = [];
  for (let i = 0; i < n; i++) {
    seq += rng.int(1, 3); // unique, with gaps
    const roll = rng.float();
    const max =
      roll < 0.05
        ? rng.pick([0, -50, 120.5, AUCTION_PRICE_MAX + 1])
        : roll < 0.1
          ? AUCTION_PRICE_MAX
          : roll < 0.55
            ? (lot.reserve * rng.int(5, 15)) / 10 // coarse: ties at the top
            : lot.reserve + rng.int(-2, 40) * 3; // fine: a runner-up within the raise of the top
    const atRoll = rng.float();
    const at =
      atRoll < 0.05
        ? rng.pick([OPENS - 1, CLOSES, CLOSES + 60_000, OPENS, CLOSES - 1])
        : rng.int(OPENS, CLOSES - 1);
    log.push({ seq, bidderId: rng.pick(bidders), max, at });
  }
  // the log as stored may come back in any order
  for (let i = log.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [log[i], log[j]] = [log[j] as SealedBid, log[i] as SealedBid];
  }
  return { lot, log };
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rng = rngFrom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);

describe('resolveSealedLot replay', () => {
  it('is a pure function of the bid log: order read, JSON round trip and a second run change nothing', () => {
    for (const seed of SEEDS) {
      const { lot, log } = randomLog(seed);
      const frozen = JSON.stringify(log);
      const result = resolveSealedLot(lot, log);
      // (a) the same log shuffled, re-sorted by seq — and shuffled, left unsorted
      const reshuffled = shuffled(log, seed * 7919);
      const resorted = [...reshuffled].sort((a, b) => a.seq - b.seq);
      expect(resolveSealedLot(lot, resorted), `seed ${seed}`).toEqual(result);
      expect(resolveSealedLot(lot, reshuffled), `seed ${seed}`).toEqual(result);
      // (b) the log and the lot through JSON (as stored and read back)
      const roundTrip = JSON.parse(JSON.stringify({ lot, log })) as {
        lot: SealedLot;
        log: SealedBid[];
      };
      expect(resolveSealedLot(roundTrip.lot, roundTrip.log), `seed ${seed}`).toEqual(result);
      // (c) twice; and resolving did not touch its input
      expect(resolveSealedLot(lot, log), `seed ${seed}`).toEqual(result);
      expect(JSON.stringify(log)).toBe(frozen);
      expect(refundsOf(lot, reshuffled, result)).toEqual(refundsOf(lot, log, result));
    }
  });

  it('ignores exactly the entries validateSealedBid refuses against those accepted before them', () => {
    for (const seed of SEEDS) {
      const { lot, log } = randomLog(seed);
      const accepted: SealedBid[] = [];
      const ignored: number[] = [];
      const finalMax = new Map<string, number>();
      for (const b of [...log].sort((x, y) => x.seq - y.seq)) {
        if (validateSealedBid(lot, accepted, b).ok) {
          accepted.push(b);
          finalMax.set(b.bidderId, b.max);
        } else ignored.push(b.seq);
      }
      const r = resolveSealedLot(lot, log);
      expect(r.ignored, `seed ${seed}`).toEqual(ignored);
      expect(new Map(r.ranking.map((x) => [x.bidderId, x.max])), `seed ${seed}`).toEqual(finalMax);
    }
  });

  it('price ≤ winner max, ≥ reserve with a winner, Σ refunds + price = Σ held — on every seed', () => {
    const seen = { noWinner: 0, oneBidder: 0, tieAtTop: 0, capped: 0, secondPrice: 0, ignored: 0 };
    for (const seed of SEEDS) {
      const { lot, log } = randomLog(seed);
      const r: SealedLotResult = resolveSealedLot(lot, log);
      const refunds = refundsOf(lot, log, r);
      const held = sum(refunds.map((x) => x.held));
      expect(sum(refunds.map((x) => x.refund)) + r.price, `seed ${seed}`).toBe(held);
      expect(refunds.every((x) => x.refund >= 0 && x.held === x.paid + x.refund)).toBe(true);
      expect(Number.isSafeInteger(r.price)).toBe(true);
      if (r.ignored.length > 0) seen.ignored++;
      const [first, second] = r.ranking;
      if (r.winner === null) {
        seen.noWinner++;
        expect(r.price).toBe(0);
        expect(r.ranking).toEqual([]);
        continue;
      }
      expect(first?.bidderId).toBe(r.winner);
      const winnerMax = first?.max ?? Number.NaN;
      expect(r.price, `seed ${seed}`).toBeLessThanOrEqual(winnerMax);
      expect(r.price, `seed ${seed}`).toBeGreaterThanOrEqual(lot.reserve);
      expect(r.ranking.every((x) => x.max >= lot.reserve && x.max <= winnerMax)).toBe(true);
      if (!second) {
        seen.oneBidder++;
        expect(r.price).toBe(lot.reserve);
      } else {
        const raised = minNextBid({ startBid: lot.reserve, bid: second.max });
        expect(r.price, `seed ${seed}`).toBe(Math.min(winnerMax, raised));
        if (second.max === winnerMax) seen.tieAtTop++;
        else if (raised > winnerMax) seen.capped++;
        else seen.secondPrice++;
      }
    }
    // the generator really exercises every branch, so the properties above are not vacuous
    for (const [branch, count] of Object.entries(seen)) expect(count, branch).toBeGreaterThan(5);
  });
});
