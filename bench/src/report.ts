/**
 * Renders the results as markdown and puts them into docs/perf.md between two
 * markers, replacing the previous results (the prose around them is kept).
 */
import { writeDocSection } from './doc-section';
import type { BenchMode } from './args';
import type { Machine } from './machine';
import type { RunResult } from './result';
import { checkTargets } from './targets';

export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** each mode's results have their own place in docs/perf.md */
export const MARKERS: Record<BenchMode, { start: string; end: string; heading: string }> = {
  fight: { start: RESULTS_START, end: RESULTS_END, heading: 'Results' },
  move: {
    start: '<!-- bench:move:start -->',
    end: '<!-- bench:move:end -->',
    heading: 'Full city: move-only results',
  },
  idle: {
    start: '<!-- bench:idle:start -->',
    end: '<!-- bench:idle:end -->',
    heading: 'Full city: idle results',
  },
};

const f0 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(0));
const f1 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(2));
const kb = (bytes: number | undefined) => (bytes === undefined ? '–' : (bytes / 1024).toFixed(1));

function codes(r: Record<string, number> | undefined): string {
  const entries = Object.entries(r ?? {}).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? '–' : entries.map(([k, v]) => `${k} ${v}`).join(', ');
}

function errorCount(r: RunResult): number {
  const e = r.errors;
  if (!e) return 0;
  const failures = Object.values(r.connect?.failures ?? {}).reduce((a, b) => a + b, 0);
  const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return (
    failures +
    total(e.disconnects) +
    total(e.kicked) +
    e.ackTimeouts +
    total(e.ackErrors) +
    e.sim.errors
  );
}

export function renderResults(opts: {
  machine: Machine;
  date: Date;
  command: string;
  seconds: number;
  fight: boolean;
  redis: boolean;
  externalDb: boolean;
  results: RunResult[];
}): string {
  const { machine: m, results } = opts;
  const lines: string[] = [];
  lines.push(
    `Measured ${opts.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ` +
      `${m.cores} cores, ${m.memoryGb} GB RAM (${m.os}, Node ${m.node}); the bots and the sim ` +
      `share these cores. ${opts.fight ? 'Bots walk and fight.' : 'Bots only walk.'} ` +
      `PostgreSQL: ${opts.externalDb ? 'the server at DATABASE_URL' : 'embedded'}; ` +
      `ticket replay guard and adapter: ${opts.redis ? 'Redis' : 'in memory (no REDIS_URL)'}. ` +
      `Window: ${opts.seconds} s per run.`,
    '',
    '```',
    opts.command,
    '```',
    '',
    '| bots | connected | tick p50 / p99 / max ms | ticks/s | KB/client/s mean (p99 client) | sim CPU % | sim event loop busy % | sim RSS / peak / heap MB | bots CPU % | DB CPU % | machine CPU % (load) | ping p50 / p99 ms | errors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    const t = r.tick;
    lines.push(
      `| ${r.bots} | ${r.connectedAtEnd ?? '–'} | ${f2(t?.p50)} / ${f2(t?.p99)} / ${f2(t?.max)} | ` +
        `${f1(t?.perSecond)} | ${kb(r.bytesIn?.mean)} (${kb(r.bytesIn?.p99)}) | ${f0(r.sim?.cpuPct)} | ` +
        `${f0(r.sim?.loopBusyPct)} | ${f0(r.sim?.rssMb)} / ${f0(r.sim?.peakRssMb)} / ${f0(r.sim?.heapMb)} | ` +
        `${f0(r.benchCpuPct)} | ${f0(r.dbCpuPct)} | ${f0(r.machineCpuPct)} (${f1(r.loadAvg)}) | ${f0(r.rtt?.p50)} / ${f0(r.rtt?.p99)} | ${!r.errors ? 'run failed' : `${errorCount(r)}${r.failure ? ' (see below)' : ''}`} |`,
    );
  }
  lines.push(
    '',
    '| bots | connect s | in view: entities / NPCs | snapshots/client/s | KB/client/s sent | combat:use/s (ok %) | hits/s | kills | deaths | refusals |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of results) {
    const c = r.combat;
    lines.push(
      `| ${r.bots} | ${f0(r.connect?.seconds)} | ${f1(r.view?.entities)} / ${f1(r.view?.npcs)} | ` +
        `${f1(r.snapshotsPerClient)} | ${kb(r.bytesOutMean)} | ${f0(c?.usesPerSec)} (${f0(c?.okPct)}) | ` +
        `${f0(c?.hitsPerSec)} | ${c?.kills ?? '–'} | ${c?.deaths ?? '–'} | ${codes(c?.refusals)} |`,
    );
  }
  lines.push('', 'Errors by run:', '');
  for (const r of results) {
    const e = r.errors;
    const parts = [
      r.failure && `run failed: ${r.failure}`,
      `connect failures: ${codes(r.connect?.failures)}`,
      e && `disconnects: ${codes(e.disconnects)}`,
      e && `kicked: ${codes(e.kicked)}`,
      e && `ack timeouts: ${e.ackTimeouts}`,
      e && `ack errors: ${codes(e.ackErrors)}`,
      e &&
        `sim log: ${e.sim.errors} errors, ${e.sim.warnings} warnings (${e.sim.fellBehind} "fell behind")` +
          (Object.keys(e.sim.samples).length > 0 ? ` (${codes(e.sim.samples)})` : ''),
    ].filter(Boolean);
    lines.push(`- **${r.bots} bots**: ${parts.join('; ')}`);
  }
  return lines.join('\n');
}

/** Replaces the text between `mode`'s markers in `file` (creating the markers at the end if missing). */
export async function writeResults(
  file: string,
  section: string,
  mode: BenchMode = 'fight',
): Promise<void> {
  await writeDocSection(file, MARKERS[mode], section);
}

const yes = (met: boolean | undefined) => (met === undefined ? '–' : met ? 'met' : 'not met');
const load = (r: RunResult) => `${f2(r.loadAvg)} → ${f2(r.loadAvgEnd)}`;

/** The move-only and idle modes (issue 11): their numbers, the targets they are held to, errors. */
export function renderCityResults(opts: {
  mode: 'move' | 'idle';
  machine: Machine;
  date: Date;
  command: string;
  seconds: number;
  results: RunResult[];
  /** what the workload was (square side, spawn placement) */
  workload: string;
}): string {
  const { machine: m, results, mode } = opts;
  const pinned = results.some((r) => r.pinned);
  const lines: string[] = [
    `Measured ${opts.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ` +
      `${m.cores} cores, ${m.memoryGb} GB RAM (${m.os}, Node ${m.node}); ` +
      (pinned ? 'the sim on CPU 0, the bots on CPU 1 (taskset). ' : 'not pinned (no taskset). ') +
      `${opts.workload} Window: ${opts.seconds} s per run. ` +
      'Load: the 1-minute load average at the start → end of the window (other work on the machine shows there).',
    '',
    '```',
    opts.command,
    '```',
    '',
  ];
  if (mode === 'move') {
    lines.push(
      '| players | connected | tick p50 / p99 / max ms | ticks/s (skipped) | sim CPU % | bytes/client/s mean (p99 client) | visible per client mean (p99 bot) | input→snapshot p50 / p99 ms | inputs/client/s | sim RSS / peak MB | bots CPU % | load | errors |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of results) {
      const t = r.tick;
      lines.push(
        `| ${r.bots} | ${r.connectedAtEnd ?? '–'} | ${f2(t?.p50)} / ${f2(t?.p99)} / ${f2(t?.max)} | ` +
          `${f1(t?.perSecond)} (${t?.skipped ?? '–'}) | ${f0(r.sim?.cpuPct)} | ${f0(r.bytesIn?.mean)} (${f0(r.bytesIn?.p99)}) | ` +
          `${f1(r.view?.entities)} (${f1(r.view?.p99Bot)}) | ${f0(r.inputToAck?.p50)} / ${f0(r.inputToAck?.p99)} | ` +
          `${f1(r.movesPerClient)} | ${f0(r.sim?.rssMb)} / ${f0(r.sim?.peakRssMb)} | ${f0(r.benchCpuPct)} | ${load(r)} | ${!r.errors ? 'run failed' : errorCount(r)} |`,
      );
    }
  } else {
    lines.push(
      '| players | connected | sim RSS before / at N MB | KB per connection | join p50 / p99 / max ms | tick p50 / p99 / max ms | ticks/s | sim CPU % | bytes/client/s | open files bench / sim | load | errors |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of results) {
      const t = r.tick;
      const capped = r.openFiles?.cappedFrom ? ` (N capped from ${r.openFiles.cappedFrom})` : '';
      lines.push(
        `| ${r.bots}${capped} | ${r.connectedAtEnd ?? '–'} | ${f0(r.memory?.rssBeforeMb)} / ${f0(r.memory?.rssAtNMb)} | ` +
          `${f1(r.memory?.perConnectionKb)} | ${f0(r.join?.p50)} / ${f0(r.join?.p99)} / ${f0(r.join?.max)} | ` +
          `${f2(t?.p50)} / ${f2(t?.p99)} / ${f2(t?.max)} | ${f1(t?.perSecond)} | ${f0(r.sim?.cpuPct)} | ${f0(r.bytesIn?.mean)} | ` +
          `${r.openFiles?.bench ?? '–'} / ${r.openFiles?.sim ?? '–'} | ${load(r)} | ${!r.errors ? 'run failed' : errorCount(r)} |`,
      );
    }
  }
  const targets = checkTargets(mode, results);
  lines.push('', '| players | target | measured | |', '| ---: | --- | ---: | --- |');
  for (const t of targets)
    lines.push(
      `| ${t.players.toLocaleString('en')} | ${t.target} | ${t.measured} | ${yes(t.met)} |`,
    );
  lines.push('', 'Errors by run:', '');
  for (const r of results) {
    const e = r.errors;
    const parts = [
      r.failure && `run failed: ${r.failure}`,
      `connect failures: ${codes(r.connect?.failures)}`,
      e && `disconnects: ${codes(e.disconnects)}`,
      e && `kicked: ${codes(e.kicked)}`,
      e && `ack timeouts: ${e.ackTimeouts}`,
      e &&
        `sim log: ${e.sim.errors} errors, ${e.sim.warnings} warnings (${e.sim.fellBehind} "fell behind")` +
          (Object.keys(e.sim.samples).length > 0 ? ` (${codes(e.sim.samples)})` : ''),
    ].filter(Boolean);
    lines.push(`- **${r.bots} players**: ${parts.join('; ')}`);
  }
  return lines.join('\n');
}
