// `pnpm test`: every check and every test, in order — typecheck, lint, content check,
// unit + integration tests (vitest: real PostgreSQL and Redis), then end-to-end tests
// (Playwright driving /usr/bin/chromium against the real web + sim on a fresh database).
// Uses DATABASE_URL / REDIS_URL when set (CI points them at 127.0.0.1); without
// DATABASE_URL the test setup runs an embedded PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '@necp/db/testing';
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

async function phase(name: string, fn: () => Promise<void>) {
  const t = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    await fn();
    console.log(`=== ${name}: ok (${((Date.now() - t) / 1000).toFixed(0)} s) ===`);
  } catch (e) {
    console.error(`=== ${name}: FAILED — ${(e as Error).message} ===`);
    summary();
    process.exit(1);
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
  await phase('typecheck scripts', () =>
    step('tsc', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.json']),
  );
  await phase('lint', () => step('lint', 'pnpm', ['exec', 'eslint', '.']));
  await phase('format', () =>
    step('prettier', 'pnpm', ['exec', 'prettier', '--check', '.', '--log-level', 'warn']),
  );
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
    const db = await createTestDatabase(process.env.E2E_DB_NAME ?? 'necp_e2e');
    const secrets = localSecrets();
    try {
      await step('build', 'pnpm', ['--filter', '@necp/web', 'build'], {
        env: {
          DATABASE_URL: db.url,
          NEXTAUTH_SECRET: secrets.nextAuthSecret,
          SIM_TICKET_SECRET: secrets.simTicketSecret,
        },
      });
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
process.exit(failed > 0 ? 1 : 0);
