/**
 * The three phases of `pnpm bench:economy`, each on goods and auctions of its own:
 * one good under as many clients as asked (fills a second), a paced open-loop mix at a
 * fixed rate (latency while the rate holds), and a storm of conflicting operations
 * (what must survive it is checked by checks.ts).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db } from '@necp/db';
import {
  buyoutListing,
  cancelOrder,
  collectOrders,
  listItem,
  matchBook,
  placeOrder,
  placementsSettled,
  seededRng,
  type Rng,
} from '@necp/game';
import { busyCores, readCpuTimes } from '../machine';
import { startCpuSplit, type CpuSplit } from './cpu-split';
import { auctions, bidOn, deps, orderKey } from './listings';
import { Recorder, pool } from './measure';
import { seedTraders, settleTables, type Trader } from './seed';

export interface PhaseResult {
  name: string;
  ops: number;
  seconds: number;
  fills: number;
  calls: ReturnType<Recorder['stats']>;
  all: ReturnType<Recorder['all']>;
  /** cores busy (the whole machine) while the timed calls ran: the seeding before not counted */
  busyCores?: number;
  /** CPU ms the bench's process(es) and PostgreSQL's used meanwhile (the paced phases) */
  cpu?: CpuSplit;
}

const pick = <T>(rng: Rng, xs: readonly T[]) => xs[rng.int(0, xs.length - 1)]!;
const fillsOf = (db: Db, goods: readonly string[]) =>
  db.marketFill.count({ where: { templateId: { in: [...goods] } } });

/** An order that crosses often: sells 98–102, buys 100–104, 1–5 units. */
function crossing(rng: Rng, t: Trader, side: 'buy' | 'sell', templateId: string) {
  const price = side === 'sell' ? rng.int(98, 102) : rng.int(100, 104);
  return {
    characterId: t.characterId,
    templateId,
    side,
    price,
    quantity: rng.int(1, 5),
    idempotencyKey: orderKey(),
  };
}

/** Phase 1: `orders` orders on ONE good by `clients` clients at once, as fast as they go. */
export async function oneGood(db: Db, o: { orders: number; clients: number; seed: number }) {
  const good = 'scrap_metal';
  const per = Math.ceil(o.orders / 2 / (o.clients * 3)) * 5 + 20;
  const sellers = await seedTraders(db, o.clients * 3, {
    eddies: 1_000,
    goods: [good],
    units: per,
  });
  const buyers = await seedTraders(db, o.clients * 3, { eddies: per * 110, goods: [], units: 0 });
  await settleTables(db);
  const rec = new Recorder();
  const rng = seededRng(o.seed);
  const jobs = Array.from({ length: o.orders }, (_, i) => {
    const side = i % 2 === 0 ? ('sell' as const) : ('buy' as const);
    const order = crossing(rng, pick(rng, side === 'sell' ? sellers : buyers), side, good);
    return () => rec.call('order', () => placeOrder(deps(db), order));
  });
  const t0 = performance.now();
  const cpu0 = readCpuTimes();
  await pool(o.clients, jobs);
  // the batches' work after their answers (notices, looks) is this phase's too
  await placementsSettled();
  const seconds = (performance.now() - t0) / 1000;
  const cores = busyCores(cpu0, readCpuTimes());
  return {
    name: 'one good',
    ...(cores === undefined ? {} : { busyCores: cores }),
    ops: o.orders,
    seconds,
    fills: await fillsOf(db, [good]),
    calls: rec.stats(),
    all: rec.all(),
  } satisfies PhaseResult;
}

/**
 * Phase 0: the matcher alone on ONE good. While another "process" holds the book (an
 * open transaction with its row locked, as a matcher elsewhere would), `orders`
 * crossing orders are placed — each placement's own matcher finds the book taken and
 * leaves them waiting; then the book is let go and one matchBook takes them all, batch
 * after batch: its fills a second are the one-writer-per-good ceiling.
 */
export async function matcher(db: Db, o: { orders: number; clients: number; seed: number }) {
  const good = 'optic_fibre';
  const per = Math.ceil(o.orders / 2 / (o.clients * 3)) * 5 + 20;
  const sellers = await seedTraders(db, o.clients * 3, {
    eddies: 1_000,
    goods: [good],
    units: per,
  });
  const buyers = await seedTraders(db, o.clients * 3, { eddies: per * 110, goods: [], units: 0 });
  await settleTables(db);
  const rng = seededRng(o.seed + 3);
  // the first order makes the book; then it is held
  await placeOrder(deps(db), crossing(rng, sellers[0]!, 'sell', good));
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const holder = db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "MarketBook" WHERE "templateId" = ${good} FOR UPDATE`;
      held();
      await released;
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
  await holding;
  const rec = new Recorder();
  const jobs = Array.from({ length: o.orders }, (_, i) => {
    const side = i % 2 === 0 ? ('sell' as const) : ('buy' as const);
    const order = crossing(rng, pick(rng, side === 'sell' ? sellers : buyers), side, good);
    return () => rec.call('order', () => placeOrder(deps(db), order));
  });
  await pool(o.clients, jobs);
  // the placements' looks after their answers, done while the book is still held (one let
  // go after it would take the book, matching what this phase times)
  await placementsSettled();
  const waiting = await db.marketOrder.count({
    where: { templateId: good, booked: false, state: 'open' },
  });
  release();
  await holder;
  const fills0 = await fillsOf(db, [good]);
  const t0 = performance.now();
  const cpu0 = readCpuTimes();
  const r = await matchBook(deps(db), good);
  const seconds = (performance.now() - t0) / 1000;
  const cores = busyCores(cpu0, readCpuTimes());
  return {
    result: {
      name: 'the matcher on one good',
      ...(cores === undefined ? {} : { busyCores: cores }),
      ops: waiting,
      seconds,
      fills: (await fillsOf(db, [good])) - fills0,
      calls: rec.stats(),
      all: rec.all(),
    } satisfies PhaseResult,
    batches: r,
  };
}

/** The paced mix's "steady" p99 leaves out the calls sent in its first seconds. */
export const STEADY_AFTER_MS = 3_000;

/** the goods of the paced mix (its runs on one process or two share their books) */
export const PACED_GOODS = ['copper_wire', 'polymer_resin', 'gun_parts', 'synth_leather'];

/** Phase 2: an open-loop mix at `rate` a second for `seconds`: orders, cancels, bids. */
export async function paced(
  db: Db,
  o: {
    rate: number;
    seconds: number;
    seed: number;
    /** after seeding, before the first call (a second process starts with this one) */
    ready?: () => Promise<void>;
  },
) {
  const goods = PACED_GOODS;
  const n = o.rate * o.seconds;
  const sellers = await seedTraders(db, 80, { eddies: 1_000, goods, units: 99 });
  const buyers = await seedTraders(db, 80, { eddies: 400_000, goods: [], units: 0 });
  const listings = await auctions(db, 20, null);
  await settleTables(db);
  await o.ready?.();
  const rec = new Recorder();
  const rng = seededRng(o.seed + 1);
  const open: { characterId: string; orderId: string }[] = [];
  const running: Promise<unknown>[] = [];
  const t0 = performance.now();
  const cpu0 = readCpuTimes();
  const split = startCpuSplit();
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / o.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const roll = rng.float();
    if (roll < 0.75) {
      const side = rng.float() < 0.5 ? ('sell' as const) : ('buy' as const);
      const order = crossing(
        rng,
        pick(rng, side === 'sell' ? sellers : buyers),
        side,
        pick(rng, goods),
      );
      running.push(
        rec.call('order', async () => {
          const v = await placeOrder(deps(db), order);
          if (v.state === 'open') open.push({ characterId: order.characterId, orderId: v.id });
        }),
      );
    } else if (roll < 0.85 && open.length > 0) {
      const ref = open.splice(rng.int(0, open.length - 1), 1)[0]!;
      running.push(rec.call('cancel', () => cancelOrder(deps(db), ref)));
    } else {
      const bidder = pick(rng, buyers);
      const id = pick(rng, listings);
      running.push(rec.call('bid', () => bidOn(db, rng, id, bidder)));
    }
  }
  const sent = (performance.now() - t0) / 1000;
  await Promise.all(running);
  // the batches' work after their answers (notices, looks) is this phase's too: done
  // within it, not spilling into the next phase's seeding and timing
  await placementsSettled();
  const seconds = (performance.now() - t0) / 1000;
  const cores = busyCores(cpu0, readCpuTimes());
  const cpu = split();
  return {
    result: {
      name: `paced ${o.rate}/s`,
      ...(cores === undefined ? {} : { busyCores: cores }),
      cpu,
      ops: n,
      seconds,
      fills: await fillsOf(db, goods),
      calls: rec.stats(),
      all: rec.all(),
    } satisfies PhaseResult,
    recorder: rec,
    p99BySecond: rec.p99BySecond(t0),
    p99Steady: rec.p99After(t0, STEADY_AFTER_MS),
    steadyMs: rec.msAfter(t0, STEADY_AFTER_MS),
    sentSeconds: sent,
    goods,
  };
}

/**
 * Phase 3: `ops` conflicting operations, `width` in flight: crossing orders and cancels
 * (some of others' orders), bids and buyouts on the same ten auctions, and one bag
 * stack put on the auction and sold on the market at the same moment.
 */
export async function conflicts(db: Db, o: { ops: number; width: number; seed: number }) {
  const goods = ['kevlar_weave', 'chem_precursor'];
  const sellers = await seedTraders(db, 60, { eddies: 1_000, goods, units: 198 });
  const buyers = await seedTraders(db, 60, { eddies: 2_000_000, goods: [], units: 0 });
  const racers = await seedTraders(db, 40, { eddies: 10_000, goods: ['medi_gel'], units: 10 });
  const listings = await auctions(db, 10, 5_000);
  const rec = new Recorder();
  const rng = seededRng(o.seed + 2);
  const placed: { characterId: string; orderId: string }[] = [];
  const raced = new Set<string>();
  const jobs: (() => Promise<unknown>)[] = [];
  for (let i = 0; i < o.ops; i++) {
    const roll = rng.float();
    if (roll < 0.45) {
      const side = rng.float() < 0.5 ? ('sell' as const) : ('buy' as const);
      const order = crossing(
        rng,
        pick(rng, side === 'sell' ? sellers : buyers),
        side,
        pick(rng, goods),
      );
      jobs.push(() =>
        rec.call('order', async () => {
          const v = await placeOrder(deps(db), order);
          placed.push({ characterId: order.characterId, orderId: v.id });
        }),
      );
    } else if (roll < 0.55) {
      const other = rng.float() < 0.2;
      jobs.push(() => {
        const ref = placed[rng.int(0, Math.max(0, placed.length - 1))];
        if (!ref) return Promise.resolve();
        const who = other ? pick(rng, buyers).characterId : ref.characterId;
        return rec.call(other ? 'cancel (not theirs)' : 'cancel', () =>
          cancelOrder(deps(db), { characterId: who, orderId: ref.orderId }),
        );
      });
    } else if (roll < 0.8) {
      const bidder = pick(rng, buyers);
      const id = pick(rng, listings);
      jobs.push(() => rec.call('bid', () => bidOn(db, rng, id, bidder)));
    } else if (roll < 0.85) {
      const buyer = pick(rng, buyers);
      const listingId = pick(rng, listings);
      jobs.push(() =>
        rec.call('buyout', () =>
          buyoutListing(deps(db), { characterId: buyer.characterId, listingId }),
        ),
      );
    } else if (roll < 0.95) {
      const r = pick(rng, racers);
      if (raced.has(r.characterId)) continue;
      raced.add(r.characterId);
      jobs.push(async () => {
        const stack = await db.item.findFirst({
          where: { characterId: r.characterId, templateId: 'medi_gel', container: 'BAG' },
        });
        if (!stack) return;
        await Promise.all([
          rec.call('stack listed', () =>
            listItem(deps(db), {
              characterId: r.characterId,
              idempotencyKey: randomUUID(),
              itemId: stack.id,
              startBid: 50,
              durationH: 12,
            }),
          ),
          rec.call('stack sold', () =>
            placeOrder(deps(db), {
              characterId: r.characterId,
              templateId: 'medi_gel',
              side: 'sell',
              price: 30,
              quantity: stack.quantity,
              idempotencyKey: orderKey(),
            }),
          ),
        ]);
      });
    } else {
      const who = pick(rng, sellers);
      jobs.push(() =>
        rec.call('collect', () => collectOrders(deps(db), { characterId: who.characterId })),
      );
    }
  }
  await settleTables(db);
  const t0 = performance.now();
  const cpu0 = readCpuTimes();
  await pool(o.width, jobs);
  // the batches' work after their answers (notices, looks) is this phase's too
  await placementsSettled();
  const seconds = (performance.now() - t0) / 1000;
  const cores = busyCores(cpu0, readCpuTimes());
  return {
    result: {
      name: 'conflicts',
      ...(cores === undefined ? {} : { busyCores: cores }),
      ops: jobs.length,
      seconds,
      fills: await fillsOf(db, [...goods, 'medi_gel']),
      calls: rec.stats(),
      all: rec.all(),
    } satisfies PhaseResult,
    goods: [...goods, 'medi_gel'],
    listings,
    racers: racers.length,
  };
}
