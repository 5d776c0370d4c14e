/**
 * `pnpm bench:outbox`: how fast transactions that publish a domain event commit side by
 * side — each one event through publishEvent in the domain's own transaction, from many
 * clients at once, with a worker's wake-up listening (wake-drain.ts: each commit's
 * notification queues the one drain job; nothing here drains). What it watches: every
 * publishing path of the game (a kill, a pickup, a collect, a notice) shares this step.
 * Results into docs/perf.md between the outbox markers; nothing asserts timings.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createDb, runTransaction } from '@necp/db';
import { createLog, publishEvent, wakeDrainOnEvents } from '@necp/game';
import { readCommandLine } from '../command-line';
import { benchPostgres } from '../database';
import { writeDocSection } from '../doc-section';
import { busyCores, describeMachine, readCpuTimes } from '../machine';

const USAGE = `pnpm bench:outbox [--clients 40] [--transactions 4000] [--rounds 2] [--no-write]`;
const ArgsSchema = z.object({
  clients: z.coerce.number().int().min(1).max(80),
  transactions: z.coerce.number().int().min(100).max(1_000_000),
  rounds: z.coerce.number().int().min(1).max(10),
  write: z.boolean(),
});
const MARKERS = {
  start: '<!-- bench:outbox:start -->',
  end: '<!-- bench:outbox:end -->',
  heading: 'Publishing transactions side by side: `pnpm bench:outbox`',
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const args = () =>
  readCommandLine(process.argv.slice(2), {
    usage: USAGE,
    schema: ArgsSchema,
    options: {
      clients: { type: 'string', default: '40' },
      transactions: { type: 'string', default: '4000' },
      rounds: { type: 'string', default: '2' },
      'no-write': { type: 'boolean', default: false },
    },
  });

const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

async function main() {
  const a = args();
  const machine = describeMachine();
  const pg = await benchPostgres(root, (m) => console.log(`[bench:outbox] ${m}`));
  const scratch = await pg.database('necp_bench_outbox');
  const db = createDb(scratch.url, { max: a.clients });
  const wakeDb = createDb(scratch.url, { max: 2 });
  const waking = wakeDrainOnEvents(wakeDb, scratch.url, createLog('bench-outbox', 'silent'));
  const rows: string[] = [];
  try {
    await waking.ready;
    for (let round = 1; round <= a.rounds; round++) {
      const ms: number[] = [];
      let next = 0;
      const cpu0 = readCpuTimes();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: a.clients }, async () => {
          while (next < a.transactions) {
            const key = `bench:${round}:${next++}`;
            const t = performance.now();
            // as the domain's inTransaction opens one (its limits; no reruns needed here)
            await runTransaction(
              db,
              (tx) =>
                publishEvent(tx, {
                  type: 'character.leveled',
                  key,
                  payload: { characterId: 'c-bench-outbox', level: 2, previousLevel: 1 },
                }),
              { maxWait: 10_000, timeout: 20_000 },
            );
            ms.push(performance.now() - t);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const cores = busyCores(cpu0, readCpuTimes());
      ms.sort((x, y) => x - y);
      const row = `| ${round} | ${(a.transactions / seconds).toFixed(0)} | ${at(ms, 0.5).toFixed(1)} | ${at(ms, 0.99).toFixed(1)} | ${cores?.toFixed(2) ?? '—'} |`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    await waking.close();
    await wakeDb.$disconnect();
    await db.$disconnect();
    await scratch.drop();
    await pg.stop();
  }
  const section = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu} (${machine.cores} cores), PostgreSQL on the same machine; \`pnpm bench:outbox --clients ${a.clients} --transactions ${a.transactions}\`: ${a.transactions.toLocaleString('en-US')} transactions of one event each from ${a.clients} clients at once, a worker's wake-up listening (each round on the same database).`,
    '',
    '| round | transactions/s | p50 ms | p99 ms | cores busy |',
    '| ----: | -------------: | -----: | -----: | ---------: |',
    ...rows,
  ].join('\n');
  if (a.write) await writeDocSection(path.resolve(root, 'docs/perf.md'), MARKERS, section);
}

await main();
