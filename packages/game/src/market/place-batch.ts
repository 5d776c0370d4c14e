/**
 * Placements of one good go together (group commit). A placement waits while this
 * process's previous batch of its good runs, then goes with every placement of that good
 * that came meanwhile, in ONE transaction: the placers locked and read once
 * (place-rows.ts), each placement checked against them as the ones before it left them
 * (place-checks.ts), everything accepted written in one statement, one batch of the
 * good's matcher for all of them, and the collect of what each made. With nothing else
 * waiting a batch is one placement; under load a statement serves many — the cost of a
 * placement was its dozen round trips, not their work (docs/perf.md, "Placements together").
 *
 * A placement whose idempotency key its placer used before is answered with that order
 * as it stands now (read with the placers; a retry in the same batch: the order the
 * first placed) — nothing placed again, nothing collected.
 *
 * Each placement is refused on its own (its DomainError; the others go on). A batch never
 * waits for a character another transaction holds (SKIP LOCKED): that placement waits for
 * the next batch, and left out once more it goes alone, beside the queue, waiting for its
 * character like every other transaction — one player's slow bid does not hold up a
 * good's every placement. A batch that fails as a whole for another reason
 * runs each of its placements alone, so one bad placement never takes others down; a
 * refusal of the whole (the city busy) refuses each.
 */
import { type MarketOrderView } from '@necp/shared';
import { Prisma } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { DIRECT, inTransaction } from '../core/transaction';
import { loadTemplate } from '../inventory/templates';
import { notifyAllNow, type NotifyInput } from '../notifications/notifications';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { goodsToBags, orderViews, payoutsLocked } from './collect';
import { lookForWaiting, matchIfWaiting, runMatchBatch } from './match-book';
import { orderView, readOrders, toCollect } from './order-rows';
import { accept, placedBefore, type Accepted, type Placed } from './place-checks';
import { readPlacers, writePlacements } from './place-rows';

type Deps = Pick<GameDeps, 'db' | 'clock' | 'log'>;

interface Pending {
  o: Placed;
  resolve: (v: MarketOrderView) => void;
  reject: (e: unknown) => void;
  /** batches it was left out of, its character held elsewhere */
  deferrals: number;
}

/**
 * At most this many placements a batch, the rest wait for the next: a batch holds its
 * placers' characters while it runs, and whoever else needs one of them waits that long.
 */
const PLACEMENTS_MAX = 16;

/**
 * A placement whose character another transaction holds waits for the good's next batch
 * at most this many times, then goes alone (waiting for its character like any other
 * transaction). Under load the holder is mostly another good's batch or a bid, done in
 * milliseconds: a transaction of its own for each such placement cost more than one wait.
 * Not more than one: each wait is a whole batch, and at the knee nearly all of the slowest
 * 1 % of placements were ones left out — with two waits, 21–30 of the slowest 30 in a run
 * (docs/perf.md, "Answers at the commit").
 */
const DEFERRALS_MAX = 1;

const counts = { batches: 0, placements: 0 };

/**
 * Placement transactions run in this process so far (a batch, or a placement alone) and
 * the placements they placed, each once (bench, tests).
 */
export const placementBatches = () => ({ ...counts });

/** The batches' work after their answers (notices, the matcher's look), still running. */
const afterAnswers = new Set<Promise<unknown>>();

function track(p: Promise<unknown>): void {
  afterAnswers.add(p);
  void p.finally(() => afterAnswers.delete(p));
}

/**
 * Resolves once the work this process's placement batches do after their answers — the
 * notices, the matcher's look — is done, what started meanwhile too (a bench that holds
 * a book lets it go only then; a process stopping could wait for it).
 */
export async function placementsSettled(): Promise<void> {
  while (afterAnswers.size > 0) await Promise.all(afterAnswers);
}

/**
 * The queues, by database client and clock (what a batch runs with: a test's clients and
 * clocks never share one), then by good.
 */
type Queue = { waiting: Pending[]; running: boolean };
const queues = new WeakMap<object, WeakMap<object, Map<string, Queue>>>();

function queueOf(deps: Deps, templateId: string): Queue {
  let byClock = queues.get(deps.db);
  if (!byClock) queues.set(deps.db, (byClock = new WeakMap()));
  let byGood = byClock.get(deps.clock);
  if (!byGood) byClock.set(deps.clock, (byGood = new Map()));
  let q = byGood.get(templateId);
  if (!q) byGood.set(templateId, (q = { waiting: [], running: false }));
  return q;
}

/** Queues a parsed placement with its good's next batch; answers when that batch has. */
export function placeInBatch(deps: Deps, o: Placed): Promise<MarketOrderView> {
  return new Promise((resolve, reject) => {
    const q = queueOf(deps, o.templateId);
    q.waiting.push({ o, resolve, reject, deferrals: 0 });
    counts.placements++;
    if (q.running) return;
    q.running = true;
    void (async () => {
      try {
        while (q.waiting.length > 0) {
          const batch = q.waiting.splice(0, PLACEMENTS_MAX);
          // placeBatch answers each; should it throw after all, none is left waiting
          const later = await placeBatch(deps, batch).catch((err: unknown) => {
            for (const p of batch) p.reject(err);
            return [];
          });
          // left out for a busy character: first in the next batch (they came first)
          q.waiting.unshift(...later);
        }
      } finally {
        q.running = false;
      }
    })();
  });
}

type Outcome =
  | { ok: true; view: MarketOrderView }
  | { ok: false; error: unknown }
  /** its character was held by another transaction: it goes alone, waiting for it */
  | { ok: false; deferred: true };

/**
 * One batch: its transaction, then the notices sent and each placement answered. A
 * batch takes only the characters free at once (`alone`: a placement on its own waits
 * for its character, like every other transaction); it returns those it left out for
 * the next batch (answered later), having sent those left out too often alone.
 */
async function placeBatch(deps: Deps, batch: Pending[], alone = false): Promise<Pending[]> {
  const templateId = batch[0]!.o.templateId;
  counts.batches++;
  let r: Placing & { waiting: Promise<unknown[] | null> };
  try {
    r = await inTransaction(
      deps.db,
      async (tx) => ({
        ...(await placeLocked(
          tx,
          batch.map((p) => p.o),
          deps.clock.now(),
          !alone,
        )),
        // the look for orders left to this batch's hold of the book, with its COMMIT
        waiting: lookForWaiting(tx, templateId),
      }),
      DIRECT,
    );
  } catch (error) {
    if (batch.length === 1 || error instanceof DomainError) {
      for (const p of batch) p.reject(error);
      return [];
    }
    deps.log.warn(
      { err: error, templateId, placements: batch.length },
      'a placement batch failed: each alone',
    );
    await Promise.all(batch.map((p) => placeBatch(deps, [p], true)));
    return [];
  }
  // those whose characters were busy wait for the next batch — or, left out too often, go
  // alone beside the queue (it does not wait for them)
  const later: Pending[] = [];
  batch.forEach((p, i) => {
    if (!('deferred' in r.outcomes[i]!)) return;
    if (++p.deferrals <= DEFERRALS_MAX) later.push(p);
    else void placeBatch(deps, [p], true).catch((err: unknown) => p.reject(err));
  });
  // answered at the commit: an answer is the placer's own order as committed, and waits
  // for nothing of anyone else's (waiting for the notices and the look below put their
  // round trips, and the look's whole match when orders waited, into every order's
  // latency: docs/perf.md, "Answers at the commit")
  batch.forEach((p, i) => {
    const out = r.outcomes[i]!;
    if (out.ok) p.resolve(out.view);
    else if ('error' in out) p.reject(out.error);
  });
  // then, off the good's queue (its next batch starts now) and after the answers: the
  // notices and the matcher's look, each on a connection of its own (neither throws)
  track(
    Promise.all([
      // the resting orders' owners told after the commit (a lost notice costs nothing: the
      // orders show the fills)
      notifyAllNow(deps, r.notices),
      // the batch held the book: placements of other processes that met it held left
      // their orders to it (and a look of this one may have come before their commit).
      // Beside the good's next batch: that one holds the book and matches them, and this
      // look finds the book busy and leaves them to it
      matchIfWaiting(deps, templateId, r.waiting),
    ]),
  );
  return later;
}

/** What a batch's transaction answers. */
interface Placing {
  outcomes: Outcome[];
  notices: NotifyInput[];
}

/**
 * The batch's transaction: placers locked and read, each placement checked (a refusal
 * is its outcome), the accepted written, one match batch, then what each made collected.
 */
async function placeLocked(
  tx: Tx,
  placements: readonly Placed[],
  now: Date,
  skipLocked: boolean,
): Promise<Placing> {
  const templateId = placements[0]!.templateId;
  const template = await loadTemplate(tx, templateId);
  const placers = await readPlacers(tx, templateId, placements, now, skipLocked);
  const outcomes: (Outcome | Accepted | Retried)[] = placements.map((o) => {
    // not locked at once: held elsewhere, or gone (going alone, it is told which)
    if (skipLocked && !placers.has(o.characterId)) return { ok: false, deferred: true };
    try {
      const p = placers.get(o.characterId);
      const before = placedBefore(p, o);
      return before ? { retryOf: before } : accept(p, o, template);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { ok: false, error } as Outcome;
    }
  });
  const accepted = outcomes.filter((x): x is Accepted => 'orderId' in x);
  if (accepted.length === 0)
    return { outcomes: await retriedViews(tx, outcomes, new Map()), notices: [] };
  const written = new Map(
    (await writePlacements(tx, template, accepted, now)).map((o) => [o.id, o]),
  );
  const batch = await runMatchBatch(tx, templateId, now, new Set(written.keys()));
  // each order as the batch left it, or as written (a sell order's item holds its goods)
  const made = accepted.map((a) => {
    const order = written.get(a.orderId)!;
    const after = batch.answers?.get(order.id) ?? {
      order,
      units: a.o.side === 'sell' ? a.o.quantity : 0,
    };
    return { a, ...after };
  });
  // what they earned, all at once: the placers' rows are locked, their balances as the
  // placements left them (the match moves eddies between orders and sinks only)
  const paying = made.filter((m) => m.order.payout > 0);
  const paid = await payoutsLocked(
    tx,
    paying.map((m) => ({
      order: m.order,
      owner: { id: m.a.placer.c.id, eddies: m.a.placer.eddies },
    })),
  );
  const collected = new Set(paying.map((m) => m.a.placer.c.id));
  const after = made.map((m) => ({ ...m, order: paid.get(m.order.id) ?? m.order }));
  // then the goods, all at once: the batch locked the orders (it answered them) and
  // wrote what their items hold
  const bagged = await goodsToBags(
    tx,
    after
      .filter((m) => toCollect(m.order, m.units).quantity > 0)
      .map((m) => ({ order: m.order, owner: m.a.placer.c })),
  );
  const views = new Map<string, MarketOrderView>();
  for (const m of after) {
    const went = bagged.has(m.order.id);
    if (went) collected.add(m.a.placer.c.id);
    const order = went ? { ...m.order, itemId: null } : m.order;
    views.set(order.id, orderView(order, went ? 0 : m.units));
  }
  await publishStatsChanged(tx, [...collected], 'market.collect');
  return { outcomes: await retriedViews(tx, outcomes, views), notices: batch.notices ?? [] };
}

/** A placement whose key placed an order before: that order's id. */
interface Retried {
  retryOf: string;
}

/**
 * Each placement's outcome: an accepted one's view, a retry's the view of its key's
 * order — one placed in this batch as it answers, one placed before as it stands now
 * (read in one statement, after the batch's match, and only when there are retries).
 */
async function retriedViews(
  tx: Tx,
  outcomes: readonly (Outcome | Accepted | Retried)[],
  views: ReadonlyMap<string, MarketOrderView>,
): Promise<Outcome[]> {
  const before = outcomes.flatMap((x) =>
    'retryOf' in x && !views.has(x.retryOf) ? [x.retryOf] : [],
  );
  const all = new Map(views);
  if (before.length)
    for (const v of await orderViews(
      tx,
      await readOrders(
        tx,
        Prisma.sql`SELECT * FROM "MarketOrder" WHERE "id" = ANY(${before}::text[])`,
      ),
    ))
      all.set(v.id, v);
  return outcomes.map((x) => {
    if ('orderId' in x) return { ok: true, view: all.get(x.orderId)! };
    if ('retryOf' in x) return { ok: true, view: all.get(x.retryOf)! };
    return x;
  });
}
