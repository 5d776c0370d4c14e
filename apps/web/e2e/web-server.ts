// A second `next start` of the built web for specs that need their own settings
// (limits, NEXTAUTH_URL) or their own in-memory state; the sim is the suite's.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@necp/db/testing';

export { freePort };

/** A second `next start` of the same build, so this test owns its in-memory limits. */
export async function startWeb(
  env: Record<string, string>,
): Promise<{ url: string; port: number; stop(): void }> {
  const port = await freePort();
  const child: ChildProcess = spawn('pnpm', ['exec', 'next', 'start', '-p', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-nextauth-secret-0123456789',
      NEXTAUTH_URL: `http://localhost:${port}`,
      SIM_TICKET_SECRET: process.env.SIM_TICKET_SECRET ?? 'e2e-sim-ticket-secret-0123456789',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      // unset: the default per-address sign-up limit (what gateway.spec tests)
      REGISTRATIONS_PER_IP_PER_HOUR: '',
      ...env,
    },
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  };
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${url}/api/trpc/auth.me`).then(
      () => true,
      () => false,
    );
    if (up) return { url, port, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error('the second web server did not start');
}
