import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger, runMigrations } from 'graphile-worker';

const dbRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs `prisma migrate deploy` against `url`, then installs/upgrades graphile-worker's
 * schema (the outbox trigger enqueues its jobs). Used by start-up and test setup.
 */
export async function migrateDeploy(url: string): Promise<void> {
  await prismaMigrateDeploy(url);
  await runMigrations({ connectionString: url, logger: quietLogger });
}

function prismaMigrateDeploy(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['exec', 'prisma', 'migrate', 'deploy'], {
      cwd: dbRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (${code}):\n${out}`)),
    );
  });
}

/** graphile-worker logs every migration step at info; keep start-up and test output readable. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`[graphile-worker] ${message}`);
});
