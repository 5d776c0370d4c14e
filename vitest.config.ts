import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One test run for the whole workspace: a single globalSetup creates and migrates
// one test database that every test file shares (each test makes its own data).
export default defineConfig({
  // the web's own import alias (apps/web/tsconfig.json `@/*`), for tests of its pages;
  // nothing else imports `@/`
  resolve: { alias: { '@': fileURLToPath(new URL('apps/web/src', import.meta.url)) } },
  test: {
    globalSetup: ['packages/db/src/testing/vitest-global-setup.ts'],
    // a budget for a loaded 2-core CI machine, not a speed goal (speed is measured in
    // bench/): beside the static checks, the web build and the pages' Chromium, tests of
    // many sequential socket and database round trips took 20–28 s in clean-clone runs
    // (instance-leave, the api fuzz of auth.register, migrations-drift; 9–12 s on the same
    // machine at another moment) and failed at the old 20 s. A hang still fails, at 60 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // most test time waits on PostgreSQL and Redis, not the CPU: vitest's default (CPUs − 1)
    // ran the files one at a time on the 2-core CI machine, and two at a time still left
    // time idle (332 s in a clean-clone run; three: 277 s). Files are independent (each test
    // makes its own data). Four gained nothing on a slower VM (2026-11-30: 424 s against
    // 411–417, the tests' own time 1,407 s against 1,068 — beside the static checks and the
    // build the run is CPU-bound there); nor did starting the longest files first (417 s).
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || Math.max(3, availableParallelism() - 1),
    // one module graph per worker, not per test file: with isolation every file re-imported
    // its whole graph (the sim project spent 238 of its 245 s importing; the whole run 427 s
    // of import, 72 s without). Safe here: no test uses vi.mock or stubs globals/env, fake
    // timers are restored after each test, spies sit on per-test objects, and module-level
    // caches only hold values that are the same for every file (templates, parsed env); the
    // peer-address hook web/server/peer-address.test.ts installs is read by no other test.
    isolate: false,
    // ONE project for the whole workspace, not one a package: each project had a Vite server
    // of its own, so a module every package imports (game, db, shared) was transformed and
    // imported once a project — 338 → 240 s of a run alone on a 2-core machine, transform
    // 78 → 25 s and import 154 → 53 s (2026-11-29). One package's tests: pass its folder
    // (`pnpm exec vitest run packages/game`).
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/sim/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
  },
});
