/**
 * Renders the results as markdown and puts them into docs/perf.md between two
 * markers, replacing the previous results (the prose around them is kept).
 */
import fs from 'node:fs';
import type { Machine } from './machine';
import type { RunResult } from './result';

export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

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

/** Replaces the text between the markers in `file` (creating the markers at the end if missing). */
export function writeResults(file: string, section: string): void {
  const doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const block = `${RESULTS_START}\n\n${section}\n\n${RESULTS_END}`;
  const start = doc.indexOf(RESULTS_START);
  const end = doc.indexOf(RESULTS_END);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + block + doc.slice(end + RESULTS_END.length)
      : `${doc.trimEnd()}\n\n## Results\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
