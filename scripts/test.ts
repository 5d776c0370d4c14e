// `pnpm test`: every check and every test, in order — typecheck, lint, content check,
// unit + integration tests (vitest: real PostgreSQL and Redis), then end-to-end tests
// (Playwright driving /usr/bin/chromium against the real web + sim on a fresh database).
// Uses DATABASE_URL / REDIS_URL when set (CI points them at 127.0.0.1); without
// DATABASE_URL this script runs one embedded PostgreSQL for both test phases.
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '@necp/db/embedded';
import { createTestDatabase, type TestDatabase } from '@necp/db/testing';
import { localSecrets, root, step } from './lib';

const only = process.argv.slice(2);
const want = (s: string) => only.length === 0 || only.includes(s);
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.LOG_LEVEL ??= 'warn';
const reports = path.join(root, '.data', 'test-reports');
fs.mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
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

async function phase(name: string, fn: () => Promise<void>) {
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    await fn();
    console.log(`=== ${name}: ok (${((Date.now() - t) / 1000).toFixed(0)} s) ===`);
  } catch (e) {
    console.error(`=== ${name}: FAILED — ${(e as Error).message} ===`);
    summary();
    await exit(1);
  }
}

function summary() {
  console.log(`\nTotal time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
}

if (want('static')) {
  await phase('generate + typecheck', () =>
    step('typecheck', 'pnpm', ['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']),
  );
  // three single-threaded checks side by side on the two cores (47 s one after another)
  await phase('typecheck scripts, lint, format', async () => {
    await Promise.all([
      step('tsc', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json']),
      step('lint', 'pnpm', ['exec', 'eslint', '.']),
      step('prettier', 'pnpm', ['exec', 'prettier', '--check', '.', '--log-level', 'warn']),
    ]);
  });
}

/**
 * The e2e database and production build, started before the vitest phase so the
 * CPU-bound build overlaps tests that mostly wait on PostgreSQL and Redis. The build
 * skips Next's own type check when the static phase ran it (NECP_TYPECHECKED) and,
 * in CI, writing Turbopack's build cache that a clean clone never reads again.
 */
let e2eBuild: Promise<{ db: TestDatabase; secrets: ReturnType<typeof localSecrets> }> | undefined;
if (want('e2e')) {
  const started = Date.now();
  e2eBuild = (async () => {
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

if (want('unit')) {
  const out = path.join(reports, 'vitest.json');
  fs.rmSync(out, { force: true });
  await phase('unit + integration (vitest)', async () => {
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
      countVitest(out);
    }
  });
}

if (want('e2e')) {
  const out = path.join(reports, 'playwright.json');
  fs.rmSync(out, { force: true });
  await phase('end to end (Playwright + Chromium)', async () => {
    const { db, secrets } = await e2eBuild!;
    try {
      await step('playwright', 'pnpm', ['--filter', '@necp/web', 'exec', 'playwright', 'test'], {
        env: {
          E2E_DATABASE_URL: db.url,
          NEXTAUTH_SECRET: secrets.nextAuthSecret,
          SIM_TICKET_SECRET: secrets.simTicketSecret,
          PLAYWRIGHT_JSON_OUTPUT_NAME: out,
        },
      });
    } finally {
      countPlaywright(out);
      await db.drop();
    }
  });
}

summary();
await exit(failed > 0 ? 1 : 0);
