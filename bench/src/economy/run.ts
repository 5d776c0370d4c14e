/**
 * `pnpm bench:economy` (issue 29): the economy under load, on a database of its own
 * (migrated and seeded with content; dropped at the end). The phases (phases.ts) —
 * one good under many clients (fills a second), a paced open-loop mix (latency at a
 * fixed rate; then the same on two processes, two-processes.ts), a storm of conflicting operations — then the checks (checks.ts); then
 * the storm of trades, crafts and contracts (storm-trades-crafts-contracts.ts) and its
 * checks (storm-checks.ts). The results go into docs/perf.md between the economy
 * markers; nothing asserts timings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { createDb, directFallbacks, type Db } from '@necp/db';
import { createLog, placementBatches, wakeDrainOnEvents } from '@necp/game';
import { benchPostgres } from '../database';
import { writeDocSection } from '../doc-section';
import { busyCores, CPU_PROBE, cpuProbeMs, describeMachine, readCpuTimes } from '../machine';
import { parseEconomyArgs } from './args';
import { economyChecks } from './checks';
import { STEADY_AFTER_MS, conflicts, matcher, oneGood, paced } from './phases';
import {
  ECONOMY_MARKERS,
  renderEconomyResults,
  type EconomyReport,
  type PlacementBatches,
} from './report';
import { stormChecks } from './storm-checks';
import { tradesCraftsContracts } from './storm-trades-crafts-contracts';
import { findRateHeld, type RateProbe } from './rate-held';
import { pacedTwoProcesses } from './two-processes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const say = (msg: string) => console.log(`[bench:economy] ${msg}`);
const bySecond = (r: { p99BySecond: number[]; p99Steady: number }) =>
  `p99 of the calls sent in each second, ms: ${r.p99BySecond.map((ms) => ms.toFixed(0)).join(', ')}; of those sent after the first ${STEADY_AFTER_MS / 1000} s (the start: connections opened, each preparing the mix's statements, books empty): **${r.p99Steady.toFixed(1)} ms**.`;

/** Runs a phase: the share of the machine it kept busy, the placement batches it ran here. */
async function busy<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; busyCores: number; batches: PlacementBatches }> {
  const a = readCpuTimes();
  const b0 = placementBatches();
  const value = await fn();
  const b1 = placementBatches();
  return {
    value,
    busyCores: busyCores(a, readCpuTimes()) ?? NaN,
    batches: { batches: b1.batches - b0.batches, placements: b1.placements - b0.placements },
  };
}

async function main() {
  const args = parseEconomyArgs(process.argv.slice(2));
  const machine = describeMachine();
  say(`${machine.cpu}, ${machine.cores} cores`);
  const speed = [{ at: 'at the start', ms: cpuProbeMs() }];
  say(`  the machine's speed: ${speed[0]!.ms.toFixed(0)} ms (${CPU_PROBE})`);
  const pg = await benchPostgres(root, say);
  const scratch = await pg.database('necp_bench_economy');
  let db: Db | undefined;
  // the outbox's wake-up as a deployment's worker runs it, on a pool of its own: each
  // committed event's notification queues the drain job (nothing here drains it)
  const wakeDb = createDb(scratch.url, { max: 2 });
  const waking = wakeDrainOnEvents(wakeDb, scratch.url, createLog('bench-economy', 'silent'));
  try {
    await waking.ready;
    // the pool: as wide as the clients, within PostgreSQL's default 100 connections
    db = createDb(scratch.url, { max: Math.min(60, args.clients + 10) });
    say(`the matcher: ${args.oneGood} orders waiting on one good, then matched`);
    const alone = await busy(() =>
      matcher(db!, { orders: args.oneGood, clients: args.clients, seed: args.seed }),
    );
    say(`  ${(alone.value.result.fills / alone.value.result.seconds).toFixed(0)} fills/s`);
    say(`one good: ${args.oneGood} orders by ${args.clients} clients`);
    const one = await busy(() =>
      oneGood(db!, { orders: args.oneGood, clients: args.clients, seed: args.seed }),
    );
    say(
      `  ${(one.value.fills / one.value.seconds).toFixed(0)} fills/s, order p99 ${one.value.calls.order?.p99.toFixed(1)} ms`,
    );
    speed.push({ at: `before the paced ${args.rate}/s`, ms: cpuProbeMs() });
    say(`paced: ${args.rate}/s for ${args.seconds} s`);
    const mix = await busy(() =>
      paced(db!, { rate: args.rate, seconds: args.seconds, seed: args.seed }),
    );
    const late = mix.value.sentSeconds > args.seconds * 1.05;
    say(
      `  all calls p99 ${mix.value.result.all.p99.toFixed(1)} ms${late ? ' (the sender fell behind)' : ''}`,
    );
    say(`paced: ${args.holdRate}/s for ${args.seconds} s`);
    const held = await busy(() =>
      paced(db!, { rate: args.holdRate, seconds: args.seconds, seed: args.seed + 10 }),
    );
    say(`  all calls p99 ${held.value.result.all.p99.toFixed(1)} ms`);
    const probeOf = (
      rate: number,
      p: { value: Awaited<ReturnType<typeof paced>>; busyCores: number },
    ): RateProbe => {
      // while its calls ran (the wrapper's reading has the seeding before them too)
      const cores = p.value.result.busyCores ?? p.busyCores;
      return {
        rate,
        p99Steady: p.value.p99Steady,
        p99All: p.value.result.all.p99,
        busyCores: cores,
        sentSeconds: p.value.sentSeconds,
        seconds: p.value.result.seconds,
        cpuMsPerOp: (cores * p.value.result.seconds * 1000) / p.value.result.ops,
      };
    };
    const search = await findRateHeld(
      [probeOf(args.rate, mix), probeOf(args.holdRate, held)],
      { targetMs: args.targetP99, seconds: args.seconds, step: args.step, maxProbes: args.probes },
      async (rate) => {
        say(`the rate held: paced ${rate}/s for ${args.seconds} s`);
        const p = probeOf(
          rate,
          await busy(() => paced(db!, { rate, seconds: args.seconds, seed: args.seed + rate })),
        );
        say(`  p99 after the start ${p.p99Steady.toFixed(1)} ms`);
        return p;
      },
    );
    say(`  held ${search.held}/s with p99 ≤ ${args.targetP99} ms after the start`);
    speed.push({ at: 'before the two processes', ms: cpuProbeMs() });
    say(`paced: ${args.rate}/s for ${args.seconds} s on two processes`);
    const two = await busy(() =>
      pacedTwoProcesses(db!, scratch.url, {
        rate: args.rate,
        seconds: args.seconds,
        seed: args.seed + 20,
        pool: 20,
      }),
    );
    const twoLate = two.value.sentSeconds > args.seconds * 1.05;
    say(
      `  all calls p99 ${two.value.result.all.p99.toFixed(1)} ms, after the start ${two.value.p99Steady.toFixed(1)} ms`,
    );
    say(`conflicts: ${args.ops} operations, ${args.clients * 2} in flight`);
    const storm = await busy(() =>
      conflicts(db!, { ops: args.ops, width: args.clients * 2, seed: args.seed }),
    );
    say('checking');
    const checks = await economyChecks(db, {
      goods: storm.value.goods,
      listings: storm.value.listings,
    });
    for (const c of checks) say(`  ${c.ok ? 'ok ' : 'NO '} ${c.name}: ${c.detail}`);
    say(`trades, crafts, contracts: ~${args.stormOps} calls, ${args.clients} races in flight`);
    const races = await busy(() =>
      tradesCraftsContracts(db!, { ops: args.stormOps, width: args.clients, seed: args.seed }, say),
    );
    const r = races.value.result;
    say(`  ${(r.ops / r.seconds).toFixed(0)} calls/s, p99 ${r.all.p99.toFixed(1)} ms; checking`);
    const after = await stormChecks(db, races.value.tally);
    for (const c of after) say(`  ${c.ok ? 'ok ' : 'NO '} ${c.name}: ${c.detail}`);
    checks.push(...after);
    speed.push({ at: 'at the end', ms: cpuProbeMs() });
    const report: EconomyReport = {
      machine,
      speed,
      command: ['pnpm bench:economy', ...process.argv.slice(2)].join(' '),
      when: new Date(),
      phases: [
        {
          result: alone.value.result,
          busyCores: alone.busyCores,
          batches: alone.batches,
          note: `The ${alone.value.result.ops.toLocaleString('en-US')} waiting orders matched by one matchBook (${alone.value.batches.booked} booked, in batches of up to 1,000); the table is their placements, made while the book was held.`,
        },
        { result: one.value, busyCores: one.busyCores, batches: one.batches },
        {
          result: mix.value.result,
          busyCores: mix.busyCores,
          batches: mix.batches,
          note: `${
            late
              ? `The sender itself fell behind: ${mix.value.sentSeconds.toFixed(1)} s to send what was due in ${args.seconds} s.`
              : `Sent on time (${mix.value.sentSeconds.toFixed(1)} s for ${args.seconds} s).`
          } ${bySecond(mix.value)}`,
        },
        {
          result: held.value.result,
          busyCores: held.busyCores,
          batches: held.batches,
          note: `Sent in ${held.value.sentSeconds.toFixed(1)} s for ${args.seconds} s. ${bySecond(held.value)}`,
        },
        {
          result: two.value.result,
          busyCores: two.busyCores,
          note: `Two processes, each at half the rate with a pool of its own (20), on the same goods' books; both seeded first, then started together. ${
            twoLate ? 'A sender fell behind' : 'Sent on time'
          } (${two.value.sentSeconds.toFixed(1)} s for ${args.seconds} s). p99 of the calls sent after each process's first ${STEADY_AFTER_MS / 1000} s: **${two.value.p99Steady.toFixed(1)} ms**.`,
        },
        {
          result: storm.value.result,
          busyCores: storm.busyCores,
          batches: storm.batches,
          reasons: true,
        },
        { result: r, busyCores: races.busyCores, note: races.value.note, reasons: true },
      ],
      rateHeld: { search, targetMs: args.targetP99, rate: args.rate, seconds: args.seconds },
      checks,
      fallbacks: directFallbacks(),
    };
    const section = await prettier.format(renderEconomyResults(report), { parser: 'markdown' });
    console.log(section);
    if (args.write) {
      await writeDocSection(path.resolve(root, args.out), ECONOMY_MARKERS, section);
      say(`results written to ${args.out}`);
    }
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    await waking.close();
    await wakeDb.$disconnect();
    await db?.$disconnect();
    await scratch.drop();
    await pg.stop();
  }
}

await main();
