/** The leaderboard bench's section of docs/perf.md: the set-up, then one row per run. */
import { writeDocSection } from '../doc-section';
import type { Machine } from '../machine';
import type { LbMode, LbScenario } from './args';
import type { ClosedLoopResult } from './closed-loop';

export interface LbRun extends ClosedLoopResult {
  mode: LbMode;
  scenario: LbScenario;
  describe: string;
  /** the web process tree's CPU per answered request, ms */
  webCpuMsPerRequest: number;
  /** % of one core over the run */
  webCpuPct: number;
  pgCpuPct: number;
  redisCpuPct: number;
}

export interface LbSetup {
  characters: number;
  listed: number;
  guilds: number;
  /** seconds to seed (null: a kept database was reused) */
  seedSeconds: number | null;
  /** per board: rows and seconds, for the redis mode */
  rebuilds: { board: string; rows: number; seconds: number }[];
  /** Redis used_memory growth over the rebuild, MB */
  redisMb: number | null;
}

export const LB_START = '<!-- bench:leaderboard:start -->';
export const LB_END = '<!-- bench:leaderboard:end -->';

const MODE: Record<LbMode, string> = {
  redis: 'Redis',
  postgres: 'no Redis (PostgreSQL)',
};

const f = (n: number, d = 1) => n.toFixed(d);

export function renderLbResults(o: {
  machine: Machine;
  command: string;
  when: Date;
  seconds: number;
  setup: LbSetup;
  runs: LbRun[];
}): string {
  const m = o.machine;
  const s = o.setup;
  const rebuilt = s.rebuilds
    .map((r) => `${r.board} ${r.rows.toLocaleString('en-US')} rows in ${f(r.seconds)} s`)
    .join(', ');
  const lines = [
    `Measured ${o.when.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM (${m.os}, Node ${m.node}); the web (\`next start\`, production build), PostgreSQL, Redis and the bench share these cores, nothing pinned. ` +
      `${s.characters.toLocaleString('en-US')} characters (${s.listed.toLocaleString('en-US')} listed: the others banned or deleted), ${s.guilds.toLocaleString('en-US')} guilds` +
      `${s.seedSeconds === null ? ' (a kept database)' : `, seeded in ${f(s.seedSeconds)} s`}. ` +
      (s.rebuilds.length > 0
        ? `Redis boards rebuilt from PostgreSQL: ${rebuilt}`
        : 'No Redis run') +
      (s.redisMb === null ? '. ' : `; Redis memory +${f(s.redisMb, 0)} MB. `) +
      `Closed loop: each run keeps the given number of requests in flight for ${o.seconds} s; latency is send → last byte.`,
    '',
    '```',
    o.command,
    '```',
    '',
    '| boards from | scenario | what | in flight | req/s | p50 / p95 / p99 / max ms | ok | errors | web CPU ms/req | web / PostgreSQL / Redis CPU % |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...o.runs.map(
      (r) =>
        `| ${MODE[r.mode]} | \`${r.scenario}\` | ${r.describe} | ${r.concurrency} | ${f(r.throughput)} | ${f(r.p50)} / ${f(r.p95)} / ${f(r.p99)} / ${f(r.max)} | ${r.ok} | ${
          Object.entries(r.errors)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || '–'
        } | ${f(r.webCpuMsPerRequest)} | ${f(r.webCpuPct, 0)} / ${f(r.pgCpuPct, 0)} / ${f(r.redisCpuPct, 0)} |`,
    ),
  ];
  return lines.join('\n');
}

/** The section between the markers of docs/perf.md (doc-section.ts, as every bench). */
export async function writeLbResults(file: string, section: string): Promise<void> {
  await writeDocSection(
    file,
    {
      start: LB_START,
      end: LB_END,
      heading: 'Public leaderboards over a million characters (issue 14): `pnpm bench:leaderboard`',
    },
    section.trim(),
  );
}
