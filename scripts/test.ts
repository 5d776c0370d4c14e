// `npm test` (scripts/bootstrap.mjs, then this): every check and every test —
// typecheck, lint, content check, unit +
// integration tests (vitest: real PostgreSQL and Redis), then end-to-end tests
// (Playwright driving /usr/bin/chromium against the real web + sim on a fresh database).
// Uses DATABASE_URL / REDIS_URL when set (CI points them at 127.0.0.1); without
// DATABASE_URL this script runs one embedded PostgreSQL for both test phases.
//
// What runs at once: vitest mostly waits on PostgreSQL and Redis (~125 s of CPU in
// its ~280 s on the 2-core CI machine), so the static checks (~140 s of CPU) and then
// the e2e build run beside it, then the Playwright specs that open no game (cheap pages);
// the game specs (two game tabs, ~1.1 cores) run alone after them, as their timings need.
// A failed phase is named at the end, the later phases are skipped, and the exit code is 1.
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '@necp/db/embedded';
import { createTestDatabase, type TestDatabase } from '@necp/db/testing';
import { localSecrets, root, step } from './lib';
import { playwrightFailures, printFailures, vitestFailures, type Failure } from './test-failures';

const only = process.argv.slice(2);
const want = (s: string) => only.length === 0 || only.includes(s);
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.LOG_LEVEL ??= 'warn';
const reports = path.join(root, '.data', 'test-reports');
fs.mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failedPhases: string[] = [];
const failedTests: Failure[] = [];
const t0 = Date.now();

// one server for both phases, which overlap (the e2e build runs beside vitest): two
// embedded servers on one data directory would not start
let stopEmbedded: (() => Promise<void>) | undefined;
if (!process.env.DATABASE_URL && (want('unit') || want('e2e'))) {
  const e = await startEmbeddedPostgres({
    dataDir: path.join(root, '.data', 'pg-test'),
    port: 54329,
    database: 'postgres',
    log: (m) => console.log(m),
  });
  process.env.DATABASE_URL = e.url;
  stopEmbedded = e.stop;
}

async function exit(code: number): Promise<never> {
  await stopEmbedded?.();
  process.exit(code);
}

/** Runs one phase; false (and the phase named in the summary) when it failed. */
async function phase(name: string, fn: () => Promise<void>): Promise<boolean> {
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    await fn();
    console.log(`=== ${name}: ok (${((Date.now() - t) / 1000).toFixed(0)} s) ===`);
    return true;
  } catch (e) {
    console.error(`=== ${name}: FAILED — ${(e as Error).message} ===`);
    failedPhases.push(name);
    return false;
  }
}

function summary() {
  console.log(`\nTotal time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  printFailures(failedTests);
  console.log(`\n${passed} passed, ${failed} failed`);
  for (const name of failedPhases) console.error(`FAILED: ${name}`);
}

/**
 * Adds vitest's counts; what failed (none when there is no report). A failed suite is a
 * file or a describe block — one failed test fails its describe and its file too, and a
 * file that failed to load fails without a test.
 */
function countVitest(file: string): { tests: number; suites: number } {
  if (!fs.existsSync(file)) return { tests: 0, suites: 0 };
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  failedTests.push(...vitestFailures(file));
  return { tests: r.numFailedTests, suites: r.numFailedTestSuites };
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
  failedTests.push(...playwrightFailures(file));
}

// Prisma's client is generated first, on its own (a second or two): the type check's
// turbo graph would otherwise regenerate it while vitest is importing it.
if (want('static') || want('unit')) {
  if (
    !(await phase('generate', () =>
      step('generate', 'pnpm', ['exec', 'turbo', 'run', 'generate', '--output-logs=errors-only']),
    ))
  ) {
    summary();
    await exit(1);
  }
}

/**
 * The type checker of `pnpm typecheck` and of this phase: TypeScript 7, the native
 * compiler (the `typescript-native` alias; ~5× faster: 149 s → ~30 s of this phase on
 * a 2-core machine beside vitest). TypeScript 5.9 stays the `typescript` package that
 * typescript-eslint and Next.js load (TypeScript 7 has no stable compiler API yet).
 * Called by path: both packages have a `tsc` bin, and which one `.bin/tsc` is is not promised.
 */
const TSC = path.join(root, 'node_modules', 'typescript-native', 'bin', 'tsc');

const staticChecks: Promise<boolean> = want('static')
  ? (async () => {
      const typed = await phase('typecheck', () =>
        step('typecheck', 'pnpm', [
          'exec',
          'turbo',
          'run',
          'typecheck',
          '--only',
          '--output-logs=errors-only',
        ]),
      );
      // `pnpm typecheck`'s turbo part checked web and bench; tsc here is its other part,
      // one program for the root scripts and the server packages (tsconfig.json). Four
      // mostly single-threaded checks side by side (47 s one after another)
      return (
        typed &&
        phase('typecheck scripts, lint, format', async () => {
          await Promise.all([
            step('tsc', 'node', [TSC, '-p', 'tsconfig.json']),
            step('lint', 'pnpm', ['exec', 'eslint', '.']),
            // the layer rules and "no import cycles" (.dependency-cruiser.cjs)
            step('deps', 'pnpm', ['run', '--silent', 'deps']),
            // no file nothing reaches, no dependency nothing imports (knip.jsonc names the
            // entries run by path: child processes, bench pages, previews)
            step('deadcode', 'pnpm', ['run', '--silent', 'deadcode']),
            // Prettier's new CLI (a faster file walk, files formatted on worker threads): the
            // same files and verdicts as the classic one, 60 → 36 s of CPU here
            step('prettier', 'pnpm', [
              'exec',
              'prettier',
              '--experimental-cli',
              '--check',
              '.',
              '--log-level',
              'warn',
            ]),
          ]);
        })
      );
    })()
  : Promise.resolve(true);

/**
 * The e2e database and production build: after the static checks (not beside them:
 * with vitest that would be three CPU-heavy jobs on two cores), still long before
 * vitest is done. The build skips Next's own type check when the static phase ran it
 * (NECP_TYPECHECKED) and, in CI, writing Turbopack's build cache that a clean clone
 * never reads again. Rejects without building when the static checks failed.
 */
let e2eBuild: Promise<{ db: TestDatabase; secrets: ReturnType<typeof localSecrets> }> | undefined;
if (want('e2e')) {
  e2eBuild = (async () => {
    if (!(await staticChecks)) throw new Error('not built: the static checks failed');
    const started = Date.now();
    const db = await createTestDatabase(process.env.E2E_DB_NAME ?? 'necp_e2e');
    const secrets = localSecrets();
    try {
      await step('build', 'pnpm', ['--filter', '@necp/web', 'build'], {
        env: {
          DATABASE_URL: db.url,
          NEXTAUTH_SECRET: secrets.nextAuthSecret,
          SIM_TICKET_SECRET: secrets.simTicketSecret,
          ...(want('static') ? { NECP_TYPECHECKED: '1' } : {}),
        },
      });
    } catch (e) {
      await db.drop();
      throw e;
    }
    console.log(
      `=== web build for e2e: done (${((Date.now() - started) / 1000).toFixed(0)} s) ===`,
    );
    return { db, secrets };
  })();
  // awaited in the e2e phase; a failure before then must not be an unhandled rejection
  e2eBuild.catch(() => {});
}

const unitTests: Promise<boolean> = want('unit')
  ? (async () => {
      const out = path.join(reports, 'vitest.json');
      fs.rmSync(out, { force: true });
      return phase('unit + integration (vitest)', async () => {
        let failures = { tests: 0, suites: 0 };
        try {
          await step('vitest', 'pnpm', [
            'exec',
            'vitest',
            'run',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${out}`,
          ]);
        } finally {
          failures = countVitest(out);
        }
        // a run once exited 0 with a failed test in its report: the report decides too,
        // so the phase fails and the e2e phase is skipped
        if (failures.tests + failures.suites > 0)
          throw new Error(
            `vitest reported ${failures.tests} failed test(s), ${failures.suites} failed suite(s)`,
          );
      });
    })()
  : Promise.resolve(true);

/** One Playwright run of a spec set (playwright.config.ts E2E_SET) on its own database. */
async function playwright(
  set: 'pages' | 'game',
  db: TestDatabase,
  secrets: ReturnType<typeof localSecrets>,
  ports: { web: number; sim: number; worker: number },
) {
  const out = path.join(reports, `playwright-${set}.json`);
  fs.rmSync(out, { force: true });
  try {
    await step('playwright', 'pnpm', ['--filter', '@necp/web', 'exec', 'playwright', 'test'], {
      env: {
        E2E_SET: set,
        E2E_DATABASE_URL: db.url,
        E2E_WEB_PORT: String(ports.web),
        E2E_SIM_PORT: String(ports.sim),
        E2E_WORKER_PORT: String(ports.worker),
        NEXTAUTH_SECRET: secrets.nextAuthSecret,
        SIM_TICKET_SECRET: secrets.simTicketSecret,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      },
    });
  } finally {
    countPlaywright(out);
    await db.drop();
  }
}
const webPort = Number(process.env.E2E_WEB_PORT ?? 3100);
const simPort = Number(process.env.E2E_SIM_PORT ?? 3101);
const workerPort = Number(process.env.E2E_WORKER_PORT ?? 3102);

/**
 * The specs that open no game run as soon as the build is done, beside vitest: its
 * waits on PostgreSQL leave about a core idle, and pages cost the browser little. Their
 * own database and servers (ports + 10); the game specs wait for vitest, as their
 * timings need. false without a word when the build failed (its phase says so).
 */
const pageTests: Promise<boolean> = e2eBuild
  ? e2eBuild.then(
      async ({ secrets }) => {
        const db = await createTestDatabase(`${process.env.E2E_DB_NAME ?? 'necp_e2e'}_pages`);
        return phase('end to end: pages, beside vitest (Playwright + Chromium)', () =>
          playwright('pages', db, secrets, {
            web: webPort + 10,
            sim: simPort + 10,
            worker: workerPort + 10,
          }),
        );
      },
      () => false,
    )
  : Promise.resolve(true);

// all run to the end, so one run reports every failure of them
const [staticOk, unitOk, pagesOk] = await Promise.all([staticChecks, unitTests, pageTests]);
if (!staticOk || !unitOk || !pagesOk) {
  // the build may have finished meanwhile: its database goes
  await e2eBuild?.then(
    ({ db }) => db.drop(),
    () => undefined,
  );
  summary();
  await exit(1);
}

if (want('e2e')) {
  await phase('end to end: the game (Playwright + Chromium)', async () => {
    const { db, secrets } = await e2eBuild!;
    await playwright('game', db, secrets, { web: webPort, sim: simPort, worker: workerPort });
  });
}

summary();
await exit(failed > 0 || failedPhases.length > 0 ? 1 : 0);
