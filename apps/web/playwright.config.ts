// End-to-end tests: the real web (next start) and sim against a fresh database that
// scripts/test.ts creates and migrates (E2E_DATABASE_URL). Chromium comes from Debian
// (/usr/bin/chromium) — never `playwright install`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/chromium-args';

// overridable so two checkouts can run their e2e suites side by side
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 3101);
const WORKER_PORT = Number(process.env.E2E_WORKER_PORT ?? 3102);
const dbUrl = process.env.E2E_DATABASE_URL ?? '';
const env = {
  DATABASE_URL: dbUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-nextauth-secret-0123456789',
  NEXTAUTH_URL: `http://localhost:${WEB_PORT}`,
  SIM_TICKET_SECRET: process.env.SIM_TICKET_SECRET ?? 'e2e-sim-ticket-secret-0123456789',
  SIM_PUBLIC_URL: `http://localhost:${SIM_PORT}`,
  SIM_PORT: String(SIM_PORT),
  SIM_CORS_ORIGIN: `http://localhost:${WEB_PORT}`,
  WORKER_PORT: String(WORKER_PORT),
  // the worker tells the web which public pages changed (leaderboards.spec)
  WEB_INTERNAL_URL: `http://127.0.0.1:${WEB_PORT}`,
  PORT: String(WEB_PORT),
  LOG_LEVEL: 'warn',
  // e2e runs without Redis (in-memory limits; sim and worker hear each other through
  // PostgreSQL): Redis-backed limits would carry sign-up counts from one run to the
  // next. The Redis paths have integration tests.
  REDIS_URL: '',
  // every spec signs up from 127.0.0.1: the per-address limit (30/h) would stop the
  // suite halfway; the limit itself has integration tests and gateway.spec's own server
  REGISTRATIONS_PER_IP_PER_HOUR: '1000',
  // the same zone seeds every run: the NPCs start at the same homes (test servers only)
  SIM_SEED: '20261124',
  // pages that fail on purpose for error-pages.spec (server/e2e-crash.ts); test servers only
  E2E_CRASH_PAGES: 'on',
  // no MAIL_DELIVERY_DELAY_MINUTES: the real default (60 min between strangers).
  // mail.spec's players are friends of standing (theirs arrives at once),
  // first-evening.spec's new players wait, and see so before Send.
};

/**
 * Specs share one sim, so one Watson: the tests tagged @plaza fight (or die to) the
 * Tyger Claws pack by Kabuki Market and would steal each other's punks; they run one
 * at a time (their own project, one worker) beside everything else. The plaza project
 * comes first so its serial chain — the suite's longest — starts at once.
 */
const PLAZA = /@plaza/;
/**
 * The same for the arena 1v1 queue (Lv 1–9 bracket): two specs queueing new characters
 * at once would be matched with each other's players.
 */
const ARENA_QUEUE = /@arena-queue/;

/**
 * Specs that open no game (pages, HTTP edges, sign-in): scripts/test.ts runs them
 * (E2E_SET=pages) as soon as the build is done, beside vitest, whose waits on PostgreSQL
 * leave a core idle; the game specs (E2E_SET=game) after vitest. No E2E_SET: all.
 * Both runs serve one build: none of these reads a page the build caches when it is
 * rendered (boards, profiles, guilds — landing.spec does, so it stays with the game).
 */
export const PAGE_SPECS = [
  'auth-route-errors',
  'auth-validation',
  'error-pages',
  'gateway',
  'https',
  'pages',
  'sign-in-protection',
].map((name) => `**/${name}.spec.ts`);
const SET = process.env.E2E_SET;

/**
 * How each worker's Chromium starts: e2e/chromium.sh at `nice` (it says why). The
 * plaza specs fight the pack from one tab, and a starved tab answers a fight too
 * slowly to win it (combat.spec "flatlined" in three clean-clone runs at nice 10 beside
 * the city's tabs): their one tab runs at the servers' priority, the city's tabs below.
 */
function launch(nice: number) {
  return {
    // /usr/bin/chromium, niced
    executablePath: fileURLToPath(new URL('./e2e/chromium.sh', import.meta.url)),
    args: CHROMIUM_ARGS,
    env: { ...process.env, CHROMIUM_NICE: String(nice) },
  };
}

export default defineConfig({
  testDir: './e2e',
  ...(SET === 'pages' ? { testMatch: PAGE_SPECS } : {}),
  ...(SET === 'game' ? { testIgnore: PAGE_SPECS } : {}),
  // a long multi-player spec takes ~75 s on a quiet 2-core machine: room for a slower one
  timeout: 180_000,
  expect: { timeout: 15_000 },
  // each test signs up its own account: tests of one file may run side by side
  fullyParallel: true,
  // two workers on the 2-core CI machine. Most of a spec's time is waiting (walking at
  // 6 m/s, ticks, cooldowns), not CPU: with game tabs at 30 frames a second and reduced
  // motion (e2e/test.ts) the suite's own processes (browser, web, sim) used ~0.55 of a
  // core with one worker (11.3 min) and ~1.1 with two (6.8 min), measured on a shared
  // 2-core machine at load ~10. At 60 Hz with endless CSS loops a tab alone took ~1.5
  // cores and two workers starved the game servers (12.9 min, three timing failures).
  // E2E_WORKERS=1 is the fallback. Three, tried in a clean clone (2026-11-30): the game
  // specs in 448 s against 494–513 s with two on the same VM, but the machine 99 % busy
  // throughout — no margin for a slower one; kept at two.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list'], ['json']],
  projects: [
    { name: 'plaza', grep: PLAZA, workers: 1, use: { launchOptions: launch(0) } },
    { name: 'arena-queue', grep: ARENA_QUEUE, workers: 1 },
    { name: 'city', grepInvert: [PLAZA, ARENA_QUEUE] },
  ],
  use: {
    baseURL: `http://localhost:${WEB_PORT}`,
    // decorative CSS loops play once (theme.css): an endless one keeps software
    // compositing busy every display frame; e2e/test.ts also caps the frame rate
    reducedMotion: 'reduce',
    // no trace unless asked for (E2E_TRACE=1: DOM snapshots and the action log, kept for a
    // failure). Recording one for every test cost ~15 % of two game specs' CPU — the
    // renderer's snapshots, the runner's writing (2026-11-28; its screencast, dropped
    // before, another ~15 %); a failure still gets its screenshot, below
    trace: process.env.E2E_TRACE
      ? { mode: 'retain-on-failure', screenshots: false, snapshots: true }
      : 'off',
    screenshot: 'only-on-failure',
    launchOptions: launch(10),
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
      // the background jobs: outbox subscribers (notifications, bans, quests…), seasons
      command: 'pnpm --filter @necp/sim worker',
      url: `http://127.0.0.1:${WORKER_PORT}/health`,
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
