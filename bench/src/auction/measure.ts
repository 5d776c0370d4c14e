/**
 * Timing the Exchange's reads as the game calls them: `searchListings` and
 * `myAuctions` from @necp/game with real GameDeps, one call at a time (latency, not
 * throughput). Then, per kind, the same statements without Prisma (straight through the
 * pool) and their EXPLAIN (ANALYZE, BUFFERS): what PostgreSQL costs, and what is left
 * for Prisma and Node.
 */
import { performance } from 'node:perf_hooks';
import { myAuctions, searchListings, type GameDeps } from '@necp/game';
import type { AuctionSearchInput } from '@necp/shared';
import { percentile } from '../stats';
import {
  AUCTION_QUERY_KINDS,
  describeSearch,
  roundOrder,
  searchFor,
  variantCount,
  type AuctionQueryKind,
} from './queries';
import { captureStatements, executionMs, explainAnalyze, poolOf, type Captured } from './sql';

export interface KindTimes {
  kind: AuctionQueryKind;
  /** ms per call: page 1 of a search, or one "my auctions" */
  page1: number[];
  /** ms per page-2 call (the cursor of page 1); empty for `mine` */
  page2: number[];
  /** listings returned, over every call */
  rows: number;
  /** searches whose page 1 was the last page (no page 2 asked) */
  lastPage: number;
}

export interface Latency {
  calls: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latency(xs: readonly number[]): Latency {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    calls: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
}

export interface Viewers {
  /** the seller "my auctions" is timed for */
  me: string;
  /** who searches in round r */
  viewer: (round: number) => string;
}

type Deps = Pick<GameDeps, 'db' | 'clock'>;

/** One search and its page 2, or one "my auctions": ms of each call and rows returned. */
async function callKind(deps: Deps, kind: AuctionQueryKind, round: number, who: Viewers) {
  if (kind === 'mine') {
    const t0 = performance.now();
    const m = await myAuctions(deps, { characterId: who.me });
    return { ms: [performance.now() - t0], rows: m.selling.length + m.bidding.length };
  }
  const input = searchFor(kind, round, who.viewer(round));
  let t0 = performance.now();
  const p1 = await searchListings(deps, input);
  const ms = [performance.now() - t0];
  let rows = p1.items.length;
  if (p1.nextCursor) {
    t0 = performance.now();
    const p2 = await searchListings(deps, { ...input, cursor: p1.nextCursor });
    ms.push(performance.now() - t0);
    rows += p2.items.length;
  }
  return { ms, rows };
}

/**
 * `warmup` rounds unmeasured, then `rounds` measured; each round calls every kind once,
 * in a seeded order of its own (roundOrder).
 */
export async function timeKinds(
  deps: Deps,
  o: { rounds: number; warmup: number; seed: number; who: Viewers },
  log: (m: string) => void,
): Promise<KindTimes[]> {
  const times = new Map<AuctionQueryKind, KindTimes>(
    AUCTION_QUERY_KINDS.map((kind) => [kind, { kind, page1: [], page2: [], rows: 0, lastPage: 0 }]),
  );
  for (let r = -o.warmup; r < o.rounds; r++) {
    const round = r + o.warmup;
    for (const kind of roundOrder(round, o.seed)) {
      const c = await callKind(deps, kind, round, o.who);
      if (r < 0) continue;
      const t = times.get(kind)!;
      t.page1.push(c.ms[0]!);
      if (c.ms[1] !== undefined) t.page2.push(c.ms[1]);
      else if (kind !== 'mine') t.lastPage++;
      t.rows += c.rows;
    }
    if (r >= 0 && (r + 1) % 100 === 0) log(`  ${r + 1} of ${o.rounds} rounds`);
  }
  return [...times.values()];
}

/** One call of a kind as SQL: its statements, their plans and their cost through pg alone. */
export interface CallSql {
  kind: AuctionQueryKind;
  /** the search (or "my auctions") and which page */
  what: string;
  statements: { sql: Captured; plan: string[]; executionMs: number }[];
  /** ms per run of the call's statements one after another through pg (no Prisma) */
  pgAlone: number[];
}

/** The kind's calls: each variant's page 1 and page 2 (a search), or one "my auctions". */
async function kindCalls(deps: Deps, kind: AuctionQueryKind, who: Viewers) {
  const calls: { what: string; run: () => Promise<unknown> }[] = [];
  if (kind === 'mine') {
    calls.push({ what: 'my auctions', run: () => myAuctions(deps, { characterId: who.me }) });
    return calls;
  }
  for (let v = 0; v < variantCount(kind); v++) {
    const input = searchFor(kind, v, who.viewer(v));
    const first = await searchListings(deps, input);
    const page = (cursor: string | undefined): AuctionSearchInput => ({ ...input, cursor });
    calls.push({ what: describeSearch(input), run: () => searchListings(deps, page(undefined)) });
    if (first.nextCursor)
      calls.push({
        what: `${describeSearch(input)}, page 2`,
        run: () => searchListings(deps, page(first.nextCursor!)),
      });
  }
  return calls;
}

/** Each call of `kind` captured, explained and run `repeat` times through pg alone. */
export async function analyseKind(
  deps: Deps,
  kind: AuctionQueryKind,
  who: Viewers,
  repeat = 10,
): Promise<CallSql[]> {
  const out: CallSql[] = [];
  const pool = poolOf(deps.db);
  for (const call of await kindCalls(deps, kind, who)) {
    const { statements } = await captureStatements(deps.db, call.run);
    const explained = [];
    for (const sql of statements) {
      const plan = await explainAnalyze(deps.db, sql);
      explained.push({ sql, plan, executionMs: executionMs(plan) });
    }
    const pgAlone: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      for (const s of statements) await pool.query({ text: s.text, values: s.values });
      pgAlone.push(performance.now() - t0);
    }
    out.push({ kind, what: call.what, statements: explained, pgAlone });
  }
  return out;
}

/** The statement of these calls that PostgreSQL took longest over, with its call. */
export function slowestStatement(calls: readonly CallSql[]) {
  let best: { call: CallSql; statement: CallSql['statements'][number] } | undefined;
  for (const call of calls)
    for (const s of call.statements)
      if (!best || s.executionMs > best.statement.executionMs) best = { call, statement: s };
  return best;
}
