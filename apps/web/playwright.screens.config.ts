// The landing page's screenshots of the game (screens/landing.screens.ts), taken by the
// e2e setup's real web + sim: `pnpm --filter @necp/web screens` (see screens/README.md).
// Not part of `pnpm test`: it writes files into public/screens/ rather than asserting.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './screens',
  testMatch: '*.screens.ts',
  projects: [{ name: 'screens' }],
  workers: 1,
  reporter: [['list']],
});
