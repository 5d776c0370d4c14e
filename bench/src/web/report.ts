/** The web bench's section of docs/perf.md: one row per run, the issue's targets, errors. */
import { writeDocSection } from '../doc-section';
import type { Machine } from '../machine';
import type { WebScenario } from './args';
import type { OpenLoopResult } from './open-loop';

export interface WebRun extends OpenLoopResult {
  scenario: WebScenario;
  /** signed-in players the requests were spread over (0: signed out) */
  players: number;
  /** the web process tree's CPU over the window, % of one core */
  webCpuPct: number;
  webCpuMsPerRequest: number;
  pgCpuPct: number;
  redisCpuPct: number;
  /** 1-minute load average at the start and end of the window */
  load: [number, number];
  /** not run, and why (a lower rate already saturated the web) */
  skipped?: string;
}

export const WEB_START = '<!-- bench:web:start -->';
export const WEB_END = '<!-- bench:web:end -->';

const LABEL: Record<WebScenario, string> = {
  get: '`inventory.get`',
  move: '`inventory.move`',
  landing: 'landing page `/`',
  page: 'personal page `/characters`',
};

const f = (n: number, d = 1) => n.toFixed(d);

/** The issue's targets, judged on the runs at the named rates. */
function targets(runs: WebRun[]): string[] {
  const at = (s: WebScenario, rate: number) =>
    runs.find((r) => r.scenario === s && r.rate === rate);
  const shown = (r: WebRun | undefined, text: (r: WebRun) => string) =>
    !r ? '–' : r.skipped ? `not run: ${r.skipped}` : text(r);
  // a run that was skipped because a lower rate saturated did not meet its target
  const judge = (r: WebRun | undefined, ok: (r: WebRun) => boolean) =>
    !r
      ? 'not measured'
      : r.skipped || Object.keys(r.errors).length > 0 || !ok(r)
        ? 'not met'
        : 'met';
  const get = runs.filter((r) => r.scenario === 'get' && !r.skipped);
  // per request at the busiest run: at low rates the web's fixed background work (timers,
  // GC of idle heaps) is spread over few requests and inflates the figure
  const busiest = get.reduce<WebRun | undefined>(
    (b, r) => (!b || r.achievedRate > b.achievedRate ? r : b),
    undefined,
  );
  const cpuGet = busiest?.webCpuMsPerRequest;
  const get500 = at('get', 500);
  const move300 = at('move', 300);
  const landing2000 = at('landing', 2000);
  return [
    '| target | measured | |',
    '| --- | ---: | --- |',
    `| \`inventory.get\`: ≤ 2 ms web CPU per request | ${cpuGet === undefined ? '–' : `${f(cpuGet, 2)} ms at ${f(busiest!.achievedRate, 0)}/s (busiest run)`} | ${cpuGet === undefined ? 'not measured' : cpuGet <= 2 ? 'met' : 'not met'} |`,
    `| \`inventory.get\`: p99 ≤ 25 ms at 500 req/s | ${shown(get500, (r) => `${f(r.p99)} ms, ${f(r.achievedRate, 0)}/s achieved`)} | ${judge(get500, (r) => r.p99 <= 25)} |`,
    `| \`inventory.move\` (50 players): p99 ≤ 30 ms at 300/s | ${shown(move300, (r) => `${f(r.p99)} ms, ${f(r.achievedRate, 0)}/s achieved, ${r.players} players`)} | ${judge(move300, (r) => r.players >= 50 && r.p99 <= 30)} |`,
    `| landing page: ≥ 2,000 req/s with p99 ≤ 20 ms | ${shown(landing2000, (r) => `${f(r.achievedRate, 0)}/s, p99 ${f(r.p99)} ms`)} | ${judge(landing2000, (r) => r.achievedRate >= 1900 && r.p99 <= 20)} |`,
  ];
}

function row(r: WebRun): string {
  if (r.skipped)
    return `| ${LABEL[r.scenario]} | ${r.rate} | – | – | not run: ${r.skipped} | – | – | – | – | – | – |`;
  const errors =
    Object.entries(r.errors)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ') || '–';
  return (
    `| ${LABEL[r.scenario]}${r.players > 0 ? ` (${r.players} players)` : ''} | ${r.rate} | ${f(r.achievedRate, 0)} | ${r.ok} | ${errors} ` +
    `| ${f(r.p50)} / ${f(r.p95)} / ${f(r.p99)} / ${f(r.max)} | ${f(r.webCpuPct, 0)} | ${f(r.webCpuMsPerRequest, 2)} ` +
    `| ${f(r.pgCpuPct, 0)} | ${f(r.redisCpuPct, 0)} | ${f(r.load[0], 2)} → ${f(r.load[1], 2)} |`
  );
}

export function renderWebResults(o: {
  machine: Machine;
  command: string;
  pinned: boolean;
  seconds: number;
  runs: WebRun[];
  ledgerDifferences: number;
  when: Date;
}): string {
  const m = o.machine;
  const lines = [
    `Measured ${o.when.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM (${m.os}, Node ${m.node})` +
      (o.pinned
        ? '; the web (`next start`, production build) on CPU 0, the sender on CPU 1 (taskset); PostgreSQL unpinned.'
        : '; nothing pinned.') +
      ` Open loop: each request is due at a fixed time and its latency counts from then (queueing included). ${o.seconds} s per run.`,
    '',
    '```',
    o.command,
    '```',
    '',
    '| request | rate /s | achieved /s | ok | errors | p50 / p95 / p99 / max ms | web CPU % | web CPU ms per request | PostgreSQL CPU % | Redis CPU % | load |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...o.runs.map(row),
    '',
    ...targets(o.runs),
    '',
    o.ledgerDifferences === 0
      ? 'Ledger invariants after the runs: every balance and stack matches the ledger.'
      : `Ledger invariants after the runs: **${o.ledgerDifferences} difference(s)**.`,
  ];
  return lines.join('\n');
}

/** Replaces the text between the web markers (adding a section at the end if missing). */
export async function writeWebResults(file: string, section: string): Promise<void> {
  await writeDocSection(
    file,
    { start: WEB_START, end: WEB_END, heading: 'The web tier (issue 12): `pnpm bench:web`' },
    section,
  );
}
