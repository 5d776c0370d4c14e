// One Playwright spec (or a --grep) against a fresh database, for working on a spec
// without the whole `pnpm test`. Ports and DB name from E2E_WEB_PORT / E2E_SIM_PORT /
// E2E_WORKER_PORT / E2E_DB_NAME (defaults 3900 / 3901 / 3902 / necp_e2e_one), so several checkouts can run at once.
//   pnpm exec tsx scripts/e2e-one.ts [--build] e2e/combat.spec.ts --grep "dies"
// Without --build it uses the last `pnpm --filter @necp/web build`.
import { createTestDatabase } from '@necp/db/testing';
import { localSecrets, step } from './lib';

const args = process.argv.slice(2);
const build = args.includes('--build');
const rest = args.filter((a) => a !== '--build');
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
process.env.LOG_LEVEL ??= 'warn';
process.env.E2E_WEB_PORT ??= '3900';
process.env.E2E_SIM_PORT ??= '3901';
process.env.E2E_WORKER_PORT ??= '3902';

const db = await createTestDatabase(process.env.E2E_DB_NAME ?? 'necp_e2e_one');
const secrets = localSecrets();
let code = 0;
try {
  if (build)
    await step('build', 'pnpm', ['--filter', '@necp/web', 'build'], {
      env: {
        DATABASE_URL: db.url,
        NEXTAUTH_SECRET: secrets.nextAuthSecret,
        SIM_TICKET_SECRET: secrets.simTicketSecret,
      },
    });
  await step(
    'playwright',
    'pnpm',
    ['--filter', '@necp/web', 'exec', 'playwright', 'test', ...rest],
    {
      env: {
        E2E_DATABASE_URL: db.url,
        NEXTAUTH_SECRET: secrets.nextAuthSecret,
        SIM_TICKET_SECRET: secrets.simTicketSecret,
      },
    },
  );
} catch (e) {
  console.error((e as Error).message);
  code = 1;
} finally {
  await db.drop();
}
process.exit(code);
