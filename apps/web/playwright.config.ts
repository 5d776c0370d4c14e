// End-to-end tests: the real web (next start) and sim against a fresh database that
// scripts/test.ts creates and migrates (E2E_DATABASE_URL). Chromium comes from Debian
// (/usr/bin/chromium) — never `playwright install`.
import { defineConfig } from '@playwright/test';

// overridable so two checkouts can run their e2e suites side by side
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 3101);
const dbUrl = process.env.E2E_DATABASE_URL ?? '';
const env = {
  DATABASE_URL: dbUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-nextauth-secret-0123456789',
  NEXTAUTH_URL: `http://localhost:${WEB_PORT}`,
  SIM_TICKET_SECRET: process.env.SIM_TICKET_SECRET ?? 'e2e-sim-ticket-secret-0123456789',
  SIM_PUBLIC_URL: `http://localhost:${SIM_PORT}`,
  SIM_PORT: String(SIM_PORT),
  SIM_CORS_ORIGIN: `http://localhost:${WEB_PORT}`,
  PORT: String(WEB_PORT),
  LOG_LEVEL: 'warn',
  // e2e runs single-process (in-memory limits): Redis-backed limits would carry
  // sign-up counts from one run to the next. The Redis paths have integration tests.
  REDIS_URL: '',
  // every spec signs up from 127.0.0.1: the per-address limit (30/h) would stop the
  // suite halfway; the limit itself has integration tests and gateway.spec's own server
  REGISTRATIONS_PER_IP_PER_HOUR: '1000',
  // pages that fail on purpose for error-pages.spec (server/e2e-crash.ts); test servers only
  E2E_CRASH_PAGES: 'on',
};

export default defineConfig({
  testDir: './e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://localhost:${WEB_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'pnpm --filter @necp/sim start',
      url: `http://127.0.0.1:${SIM_PORT}/health`,
      env,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'pnpm --filter @necp/web start',
      url: `http://127.0.0.1:${WEB_PORT}/`,
      env,
      timeout: 90_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
