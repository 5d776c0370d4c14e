/**
 * `pnpm bench:auction` (issue 28): the Exchange's search with 100,000 live listings.
 * A database of its own (never the test database's data), migrated and seeded with
 * content, then sellers and listings written in bulk (plan.ts, seed.ts); then
 * `searchListings` and `myAuctions` timed over the query mix (queries.ts) with real
 * GameDeps; then, per kind, the statements Prisma sent, run through pg alone and
 * explained (measure.ts). With --try-index, more indexes (or statistics) on the scratch
 * database and the whole measurement again (try-index.ts). Results go into docs/perf.md between the auction
 * markers; nothing asserts timings. The database is dropped at the end (--keep-db keeps it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as prettier from 'prettier';
import { createDb, withDatabase, type Db } from '@necp/db';
import { createLog, seededRng, systemClock, type GameDeps } from '@necp/game';
import { ITEM_TEMPLATES } from '@necp/shared';
import { benchPostgres } from '../database';
import { busyCores, describeMachine, readCpuTimes } from '../machine';
import { parseAuctionArgs, type AuctionArgs } from './args';
import { analyseKind, latency, timeKinds, type CallSql, type Viewers } from './measure';
import { planAuctions } from './plan';
import { AUCTION_QUERY_KINDS, type AuctionQueryKind } from './queries';
import {
  kindResults,
  renderAuctionResults,
  targetMet,
  writeAuctionResults,
  type AuctionSetup,
  type KindResult,
  type MachineLoad,
  type TriedIndex,
} from './report';
import { benchSellerId, seedAuctions } from './seed';
import { poolOf } from './sql';
import { applyTried } from './try-index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DB_NAME = 'necp_bench_auction';
const say = (msg: string) => console.log(`[bench:auction] ${msg}`);
const secs = (t0: number) => (performance.now() - t0) / 1000;

async function describeData(db: Db, seedSeconds: number | null): Promise<AuctionSetup> {
  const pool = poolOf(db);
  const { rows } = await pool.query({
    text: `SELECT (SELECT count(*) FROM "AuctionListing" WHERE "state" = 'live')::int AS "live",
        (SELECT count(*) FROM "AuctionListing" WHERE "state" <> 'live')::int AS "ended",
        (SELECT count(DISTINCT "sellerId") FROM "AuctionListing")::int AS "sellers",
        (SELECT count(*) FROM "AuctionBid")::int AS "bids",
        pg_total_relation_size('"AuctionListing"')::float8 / 1048576 AS "tableMb",
        pg_indexes_size('"AuctionListing"')::float8 / 1048576 AS "indexMb",
        current_setting('server_version') AS "postgres"`,
  });
  const r = rows[0]!;
  return {
    live: Number(r.live),
    ended: Number(r.ended),
    sellers: Number(r.sellers),
    bids: Number(r.bids),
    tableMb: Number(r.tableMb),
    indexMb: Number(r.indexMb),
    postgres: String(r.postgres),
    seedSeconds,
  };
}

/** Times every kind, then captures and explains each kind's statements. */
async function measureAll(deps: GameDeps, args: AuctionArgs, who: Viewers) {
  say(`timing: ${args.warmup} warm-up rounds, ${args.rounds} measured`);
  const cpu0 = readCpuTimes();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  const times = await timeKinds(deps, { ...args, who }, say);
  const own = process.cpuUsage(own0);
  const load: MachineLoad = {
    busyCores: busyCores(cpu0, readCpuTimes()) ?? NaN,
    benchCores: (own.user + own.system) / 1000 / (performance.now() - t0),
    loadavg: os.loadavg()[0]!,
  };
  say(
    `  the machine: ${load.busyCores.toFixed(2)} cores busy on average, ${load.benchCores.toFixed(2)} of them the bench's own process; load average ${load.loadavg.toFixed(1)}`,
  );
  say('capturing, explaining and re-running each kind’s statements without Prisma');
  const sql: CallSql[] = [];
  for (const kind of AUCTION_QUERY_KINDS) sql.push(...(await analyseKind(deps, kind, who)));
  const results = kindResults(times, sql);
  const overall = latency(times.flatMap((t) => [...t.page1, ...t.page2]));
  for (const r of results)
    say(
      `  ${r.kind.padEnd(15)} p50 ${r.all.p50.toFixed(1)} p95 ${r.all.p95.toFixed(1)} p99 ${r.all.p99.toFixed(1)} max ${r.all.max.toFixed(1)} ms (${r.all.calls} calls; pg alone p50 ${r.pgAlone.p50.toFixed(1)} ms)`,
    );
  say(
    `  all             p50 ${overall.p50.toFixed(1)} p95 ${overall.p95.toFixed(1)} p99 ${overall.p99.toFixed(1)} ms`,
  );
  return { results, overall, sql, load };
}

const slowestKind = (results: readonly KindResult[]): AuctionQueryKind =>
  results.reduce((a, b) => (b.all.p95 > a.all.p95 ? b : a)).kind;

async function main() {
  const args = parseAuctionArgs(process.argv.slice(2));
  const machine = describeMachine();
  say(`${machine.cpu}, ${machine.cores} cores`);
  const pg = await benchPostgres(root, say);
  let drop = async () => {};
  let db: Db | undefined;
  try {
    let url: string;
    let seedSeconds: number | null = null;
    if (args.reuseDb) {
      url = withDatabase(process.env.DATABASE_URL!, DB_NAME);
      say(`reusing ${DB_NAME}`);
    } else {
      say(`creating ${DB_NAME} (migrate + seed content)`);
      const scratch = await pg.database(DB_NAME);
      url = scratch.url;
      if (!args.keepDb) drop = () => scratch.drop();
      const t0 = performance.now();
      const plan = planAuctions({
        listings: args.listings,
        ended: args.ended,
        seed: args.seed,
        now: Date.now(),
        templates: ITEM_TEMPLATES,
      });
      say(
        `planned ${args.listings.toLocaleString('en-US')} live listings of ${plan.sellers.toLocaleString('en-US')} sellers in ${secs(t0).toFixed(1)} s; writing`,
      );
      const seeding = createDb(url, { max: 2 });
      await seedAuctions(seeding, plan, say);
      await seeding.$disconnect();
      seedSeconds = secs(t0);
      say(`seeded in ${seedSeconds.toFixed(1)} s`);
    }
    db = createDb(url, { max: 4 });
    const setup = await describeData(db, seedSeconds);
    const deps: GameDeps = {
      db,
      clock: systemClock,
      rng: seededRng(args.seed),
      log: createLog('bench', 'warn'),
      config: { simTicketSecret: 'bench-auction', simPublicUrl: 'http://127.0.0.1' },
    };
    const who: Viewers = {
      me: benchSellerId(0),
      viewer: (round) => benchSellerId((round * 7919) % setup.sellers),
    };

    const first = await measureAll(deps, args, who);
    const slow = slowestKind(first.results);
    let tried: TriedIndex | undefined;
    if (args.tryIndex.length > 0) {
      say(`trying: ${args.tryIndex.join(' ')}`);
      const before = setup.indexMb;
      const made = await applyTried(poolOf(db), args.tryIndex);
      try {
        const indexMb = (await describeData(db, null)).indexMb - before;
        const again = await measureAll(deps, args, who);
        tried = {
          sql: args.tryIndex.map((x) => x.trim().replace(/;$/, '')),
          buildSeconds: made.seconds,
          indexMb,
          results: again.results,
          overall: again.overall,
          load: again.load,
          slowest: again.sql.filter((c) => c.kind === slow),
        };
      } finally {
        await made.undo();
      }
    }

    const section = await prettier.format(
      renderAuctionResults({
        machine,
        command: ['pnpm bench:auction', ...process.argv.slice(2).map(quoteArg)].join(' '),
        when: new Date(),
        rounds: args.rounds,
        warmup: args.warmup,
        setup,
        results: first.results,
        overall: first.overall,
        load: first.load,
        slowest: first.sql.filter((c) => c.kind === slow),
        tried,
      }),
      { parser: 'markdown' },
    );
    console.log(section);
    const { met, worst } = targetMet(first.results, first.overall);
    say(`target p95 ≤ 100 ms: ${met ? 'met' : 'NOT met'} (slowest kind ${worst.kind})`);
    fs.mkdirSync(path.join(root, '.data', 'bench'), { recursive: true });
    const json = path.join(
      root,
      '.data',
      'bench',
      `auction-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    fs.writeFileSync(json, JSON.stringify({ args, setup, first, tried }, null, 2));
    say(`every plan and timing in ${path.relative(root, json)}`);
    if (args.write) {
      await writeAuctionResults(path.resolve(root, args.out), section);
      say(`results written to ${args.out}`);
    }
  } finally {
    await db?.$disconnect();
    await drop();
    await pg.stop();
  }
}

/** An argument as a shell would need it (the --try-index statement has spaces). */
const quoteArg = (a: string) => (/^[\w./,=-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

await main();
