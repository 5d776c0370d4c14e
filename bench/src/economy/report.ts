/** The results section of `pnpm bench:economy` in docs/perf.md (between its markers). */
import { CPU_PROBE, type Machine } from '../machine';
import type { Check } from './checks';
import { cpuPerOperation } from './cpu-split';
import { STEADY_AFTER_MS, type PhaseResult } from './phases';
import { held, type RateSearch } from './rate-held';

export const ECONOMY_MARKERS = {
  start: '<!-- bench:economy:start -->',
  end: '<!-- bench:economy:end -->',
  heading: 'The economy under conflicting load (issue 29): `pnpm bench:economy`',
};

export interface EconomyReport {
  machine: Machine;
  /** the machine's speed through the run (cpuProbeMs), where it was read */
  speed: { at: string; ms: number }[];
  command: string;
  when: Date;
  /** `reasons`: list each kind's refusals under its table; `batches`: this process's placements */
  phases: {
    result: PhaseResult;
    busyCores: number;
    note?: string;
    reasons?: boolean;
    batches?: PlacementBatches;
  }[];
  /** the highest rate one process held within the target's p99 (rate-held.ts) */
  rateHeld: { search: RateSearch; targetMs: number; rate: number; seconds: number };
  checks: Check[];
  /** direct transactions that fell back to Prisma's, by model (@necp/db directFallbacks) */
  fallbacks: Map<string, number>;
}

/** Placement batches a phase ran (@necp/game placementBatches), and the placements in them. */
export interface PlacementBatches {
  batches: number;
  placements: number;
}

const ms = (n: number) => n.toFixed(1);

/** "Placements went 3.2 to a transaction (1,170 in 366 batches)"; nothing when none were placed. */
const batching = (b: PlacementBatches | undefined) =>
  b && b.batches > 0
    ? ` Placements went ${(b.placements / b.batches).toFixed(1)} to a transaction (${b.placements.toLocaleString('en-US')} in ${b.batches.toLocaleString('en-US')} batches).`
    : '';

/** Each kind's refusals by what the player read, most frequent first. */
function refusals(r: EconomyReport['phases'][number]['result']): string[] {
  return Object.entries(r.calls)
    .filter(([, s]) => s.refused > 0)
    .map(([kind, s]) => {
      const top = Object.entries(s.reasons)
        .sort((a, b) => b[1] - a[1])
        .map(([why, n]) => `“${why}” ×${n}`);
      return `- ${kind} refused: ${top.join(', ')}`;
    });
}

function phaseTable(p: EconomyReport['phases'][number]): string {
  const r = p.result;
  const rows = Object.entries(r.calls).map(
    ([kind, s]) =>
      `| ${kind} | ${s.calls} | ${s.ok} | ${s.refused} | ${s.failed} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} |`,
  );
  const failures = Object.entries(r.calls)
    .filter(([, s]) => s.firstFailure)
    .map(([kind, s]) => `- first failure of ${kind}: \`${s.firstFailure}\``);
  const fills =
    r.fills > 0
      ? `, ${r.fills.toLocaleString('en-US')} fills (**${(r.fills / r.seconds).toFixed(0)} fills/s**)`
      : '';
  return [
    `### ${r.name}`,
    '',
    `${r.ops.toLocaleString('en-US')} operations in ${r.seconds.toFixed(1)} s: **${(r.ops / r.seconds).toFixed(0)} operations/s**${fills}; all calls p50 ${ms(r.all.p50)} ms, p99 ${ms(r.all.p99)} ms; ${(r.busyCores ?? p.busyCores).toFixed(2)} cores busy on average.${r.cpu ? ` ${cpuPerOperation({ ops: r.ops, seconds: r.seconds, busyCores: r.busyCores ?? p.busyCores, cpu: r.cpu })}` : ''}${p.note ? ` ${p.note}` : ''}${batching(p.batches)}`,
    '',
    '| call | calls | ok | refused | failed | p50 ms | p99 ms | max ms |',
    '| ---- | ----: | -: | ------: | -----: | -----: | -----: | -----: |',
    ...rows,
    ...(failures.length ? ['', ...failures] : []),
    ...(p.reasons ? ['', ...refusals(r)] : []),
  ].join('\n');
}

function rateHeldSection({ search, targetMs, rate, seconds }: EconomyReport['rateHeld']): string {
  const verdict =
    search.held >= rate
      ? `**${rate}/s held**: the target's rate, with p99 ≤ ${targetMs} ms after the start.`
      : `**This machine holds ${search.held}/s** with p99 ≤ ${targetMs} ms after the start${
          search.failed === undefined ? '' : ` (${search.failed}/s did not)`
        }; the target's ${rate}/s is beyond it.`;
  return [
    `### the rate one process holds`,
    '',
    `The paced mix at the rates above and in between (one run each, ${seconds} s, the same pool; a bisection, rate-held.ts): "held" is a p99 of the calls sent after the first ${STEADY_AFTER_MS / 1000} s within ${targetMs} ms, the sender on time. ${verdict}`,
    '',
    '| rate /s | p99 after the start ms | p99 all ms | cores busy | CPU ms an operation | held |',
    '| ------: | ---------------------: | ---------: | ---------: | ------------------: | ---- |',
    ...search.probes.map(
      (p) =>
        `| ${p.rate} | ${ms(p.p99Steady)} | ${ms(p.p99All)} | ${p.busyCores.toFixed(2)} | ${
          p.cpuMsPerOp === undefined ? '–' : p.cpuMsPerOp.toFixed(2)
        } | ${held(p, targetMs, seconds) ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
}

/** " The machine's speed (…): 480 ms at the start, …" — nothing when it was not read. */
const speedLine = (speed: EconomyReport['speed']) =>
  speed.length === 0
    ? ''
    : ` The machine's speed (${CPU_PROBE}; lower is faster — a VM's moves between runs and within one): ${speed
        .map((s) => `${s.ms.toFixed(0)} ms ${s.at}`)
        .join(', ')}.`;

export function renderEconomyResults(r: EconomyReport): string {
  return [
    `Run ${r.when.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpu} (${r.machine.cores} cores), PostgreSQL on the same machine; \`${r.command}\`.${speedLine(r.speed)} Every call is the domain function a tRPC procedure calls (placeOrder, cancelOrder, placeBid, buyoutListing, listItem, collectOrders; requestTrade, answerTrade, offerTrade, acceptTrade; startCraft, finishCraft, the worker's finishDueCrafts; postContract, acceptContract, deliverContract, confirmContract, disputeContract, the worker's runContractTimeouts) with real GameDeps on a database of the bench's own, each phase timed after a VACUUM ANALYZE of what it seeded (autovacuum's work on a server in steady use; seed.ts settleTables); "refused" is a domain refusal a player would read (outbid, sold, busy, not yours, out of stock, 10 open orders, held by a trade, taken already), "failed" anything else.`,
    '',
    ...r.phases.map(phaseTable).flatMap((t) => [t, '']),
    rateHeldSection(r.rateHeld),
    '',
    `Direct transactions (the market's, the auction's, trades', crafting's and contracts') that reached for a Prisma model and ran again in Prisma's transaction, in the bench's own process: ${
      r.fallbacks.size === 0
        ? 'none'
        : [...r.fallbacks].map(([model, n]) => `${model} ×${n}`).join(', ')
    }.`,
    '',
    '### After the storm',
    '',
    '| check | holds | detail |',
    '| ----- | ----- | ------ |',
    ...r.checks.map((c) => `| ${c.name} | ${c.ok ? 'yes' : '**NO**'} | ${c.detail} |`),
  ].join('\n');
}
