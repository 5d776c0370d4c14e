/** The auction bench's section of docs/perf.md: the set-up, one row per query kind, the slowest plan. */
import { writeDocSection } from '../doc-section';
import type { Machine } from '../machine';
import { describeScans } from './explain-summary';
import { latency, slowestStatement, type CallSql, type KindTimes, type Latency } from './measure';
import { KIND_DESCRIPTION, type AuctionQueryKind } from './queries';

export const AUCTION_START = '<!-- bench:auction:start -->';
export const AUCTION_END = '<!-- bench:auction:end -->';
/** Issue 28: "Search p95 ≤ 100 ms with 100,000 live listings". */
export const SEARCH_P95_BUDGET_MS = 100;

export interface AuctionSetup {
  live: number;
  ended: number;
  sellers: number;
  bids: number;
  /** AuctionListing with its indexes, MB */
  tableMb: number;
  indexMb: number;
  postgres: string;
  /** seconds to seed (null: a kept database was reused) */
  seedSeconds: number | null;
}

/** What else ran while the calls were timed (the numbers mean little without it). */
export interface MachineLoad {
  /** machine-wide busy CPU over the timing, in cores */
  busyCores: number;
  /** of which the bench's own process (the domain code, Prisma's client) */
  benchCores: number;
  /** the 1-minute load average at the end of the timing */
  loadavg: number;
}

export interface KindResult {
  kind: AuctionQueryKind;
  all: Latency;
  page1: Latency;
  page2: Latency;
  rowsPerCall: number;
  lastPage: number;
  /** the same statements through pg, no Prisma */
  pgAlone: Latency;
}

export function kindResults(times: readonly KindTimes[], sql: readonly CallSql[]): KindResult[] {
  return times.map((t) => {
    const all = [...t.page1, ...t.page2];
    return {
      kind: t.kind,
      all: latency(all),
      page1: latency(t.page1),
      page2: latency(t.page2),
      rowsPerCall: t.rows / Math.max(1, all.length),
      lastPage: t.lastPage,
      pgAlone: latency(sql.filter((c) => c.kind === t.kind).flatMap((c) => c.pgAlone)),
    };
  });
}

/** Target met: the searches' p95 over all kinds and each kind's own p95 within budget. */
export function targetMet(results: readonly KindResult[], overall: Latency) {
  const worst = results.reduce((a, b) => (b.all.p95 > a.all.p95 ? b : a));
  return {
    met: overall.p95 <= SEARCH_P95_BUDGET_MS && worst.all.p95 <= SEARCH_P95_BUDGET_MS,
    worst,
  };
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const n = (x: number) => x.toLocaleString('en-US');
const lat = (l: Latency) => `${f(l.p50)} / ${f(l.p95)} / ${f(l.p99)} / ${f(l.max)}`;

function table(results: readonly KindResult[], overall: Latency): string[] {
  return [
    '| kind | what | calls | p50 / p95 / p99 / max ms | p95 page 1 / page 2 | PostgreSQL alone p50 / p95 | rows per call |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| \`${r.kind}\` | ${KIND_DESCRIPTION[r.kind]} | ${r.all.calls} | ${lat(r.all)} | ${f(r.page1.p95)} / ${r.page2.calls ? f(r.page2.p95) : '–'} | ${f(r.pgAlone.p50)} / ${f(r.pgAlone.p95)} | ${f(r.rowsPerCall)} |`,
    ),
    `| **all** | every call above | ${overall.calls} | ${lat(overall)} | | | |`,
  ];
}

function loadLine(l: MachineLoad, cores: number): string {
  return (
    `While timing, ${f(l.busyCores, 2)} of the ${cores} cores were busy on average: the bench's process ${f(l.benchCores, 2)}, ` +
    `PostgreSQL and whatever else ran on the machine the rest (1-minute load average ${f(l.loadavg)}).`
  );
}

export interface TriedIndex {
  sql: string[];
  buildSeconds: number;
  indexMb: number;
  results: KindResult[];
  overall: Latency;
  load: MachineLoad;
  slowest: CallSql[];
}

export function renderAuctionResults(o: {
  machine: Machine;
  command: string;
  when: Date;
  rounds: number;
  warmup: number;
  setup: AuctionSetup;
  results: KindResult[];
  overall: Latency;
  load: MachineLoad;
  /** the slowest kind's calls, explained */
  slowest: CallSql[];
  tried?: TriedIndex;
}): string {
  const m = o.machine;
  const s = o.setup;
  const { met, worst } = targetMet(o.results, o.overall);
  const worstCall = slowestStatement(o.slowest);
  const search = o.results.filter((r) => r.kind !== 'mine');
  const share = (r: KindResult) => r.pgAlone.p50 / Math.max(r.all.p50, 1e-9);
  const pgShare = search.reduce((a, r) => a + share(r), 0) / Math.max(1, search.length);
  const lines = [
    `Measured ${o.when.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM (${m.os}, Node ${m.node}), PostgreSQL ${s.postgres} on the same machine. ` +
      `A database of the bench's own: ${n(s.live)} live listings of ${n(s.sellers)} sellers (every tenth at the cap of 40), ${n(s.ended)} ended ones beside them, ${n(s.bids)} bids; ` +
      `AuctionListing ${f(s.tableMb, 0)} MB of which indexes ${f(s.indexMb, 0)} MB` +
      `${s.seedSeconds === null ? ' (a kept database)' : `, seeded in ${f(s.seedSeconds)} s`}. ` +
      `Listings of every listable template (common ones more often), starting bids log-uniform over 1–1,000,000 eddies, 12/24/48 h runs ending within the next 48 h. ` +
      `One call at a time through \`searchListings\` / \`myAuctions\` (@necp/game, real GameDeps, Prisma over a pool of 4): ${o.warmup} warm-up rounds, then ${o.rounds} rounds each calling every kind once in a shuffled order; a search is timed for page 1 and for page 2 (the cursor of page 1). ` +
      `"PostgreSQL alone": the same statements, captured from Prisma, sent straight through the pg pool.`,
    '',
    '```',
    o.command,
    '```',
    '',
    ...table(o.results, o.overall),
    '',
    loadLine(o.load, m.cores),
    '',
    `Target (issue 28): search p95 ≤ ${SEARCH_P95_BUDGET_MS} ms with 100,000 live listings, over all calls and for each kind — ` +
      `**${met ? 'met' : 'not met'}** (all ${f(o.overall.p95)} ms; the slowest kind \`${worst.kind}\` ${f(worst.all.p95)} ms)` +
      (s.live === 100_000 ? '.' : ` (measured with ${n(s.live)} live listings).`),
    '',
    `What limits it: PostgreSQL's part of a search's median is ${f(pgShare * 100, 0)} % on average over the kinds; the rest is Prisma's client (building the statement, decoding rows), the view mapping and waiting for a core. ` +
      `The slowest kind, \`${worst.kind}\`: PostgreSQL alone p95 ${f(worst.pgAlone.p95)} ms of its ${f(worst.all.p95)} ms` +
      (worst.pgAlone.p95 >= worst.all.p95 / 2 ? ' — its plans are what limits it.' : '.'),
  ];
  if (worstCall) {
    const byCost = [...o.slowest]
      .map((c) => ({ c, ms: c.statements.reduce((a, st) => a + st.executionMs, 0) }))
      .sort((a, b) => b.ms - a.ms);
    const shown = byCost.slice(0, 6);
    const rest = byCost.slice(6);
    lines.push(
      '',
      `\`${worst.kind}\` as PostgreSQL runs it (execution time of each call's statements, slowest first): ` +
        shown.map(({ c, ms }) => `${c.what} ${f(ms, 2)} ms`).join('; ') +
        (rest.length > 0
          ? `; the other ${rest.length} calls ${f(rest.at(-1)!.ms, 2)}–${f(rest[0]!.ms, 2)} ms`
          : '') +
        `. The slowest, ${worstCall.call.what} — ${describeScans(worstCall.statement.plan)}:`,
      '',
      '```',
      ...oneLineSql(worstCall.statement.sql.text),
      '',
      ...worstCall.statement.plan,
      '```',
    );
  }
  if (o.tried) {
    const t = o.tried;
    const before = new Map(o.results.map((r) => [r.kind, r.all.p95]));
    const after = targetMet(t.results, t.overall);
    lines.push(
      '',
      `With ${t.sql.length === 1 ? 'this' : 'these'} tried on the scratch database (not in the schema or the migrations; made and analysed in ${f(t.buildSeconds)} s, indexes +${f(t.indexMb, 1)} MB), measured again the same way:`,
      '',
      '```sql',
      ...t.sql.map((x) => `${x};`),
      '```',
      '',
      ...table(t.results, t.overall),
      '',
      loadLine(t.load, m.cores),
      '',
      `p95 before → after: ${t.results.map((r) => `\`${r.kind}\` ${f(before.get(r.kind) ?? NaN)} → ${f(r.all.p95)}`).join(', ')}; all ${f(o.overall.p95)} → ${f(t.overall.p95)} ms. ` +
        `Target with ${t.sql.length === 1 ? 'it' : 'them'}: **${after.met ? 'met' : 'not met'}** (the slowest kind \`${after.worst.kind}\` ${f(after.worst.all.p95)} ms).`,
    );
    const w = slowestStatement(t.slowest);
    if (w)
      lines.push(
        '',
        `\`${worst.kind}\` with the index, the slowest of its calls (${w.call.what}):`,
        '',
        '```',
        ...w.statement.plan,
        '```',
      );
  }
  return lines.join('\n');
}

/** Prisma's SQL, one clause a line, for a reader (the column list shortened). */
export function oneLineSql(sql: string): string[] {
  const short = sql
    .replace(/\s+/g, ' ')
    .replace(/"public"\."(\w+)"\."(\w+)"/g, '"$2"')
    .replace(/"public"\."(\w+)"/g, '"$1"');
  const m = /^SELECT (.*?) FROM /.exec(short);
  const columns = m?.[1]?.split(', ') ?? [];
  const select =
    m && columns.length > 4
      ? `SELECT (all ${columns.length} columns) FROM ${short.slice(m[0].length)}`
      : short;
  return select.replace(/ (FROM|WHERE|GROUP BY|ORDER BY|LIMIT|OFFSET) /g, '\n$1 ').split('\n');
}

/** The section between the markers of docs/perf.md (doc-section.ts, as every bench). */
export async function writeAuctionResults(file: string, section: string): Promise<void> {
  await writeDocSection(
    file,
    {
      start: AUCTION_START,
      end: AUCTION_END,
      heading: "The auction house's search (issue 28): `pnpm bench:auction`",
    },
    section.trim(),
  );
}
