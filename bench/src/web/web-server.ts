/**
 * The web under test: the production build served by `next start` as its own
 * process (pinned to one CPU when taskset is there), on a bench database, with the
 * sim's address pointing nowhere (no page of the bench opens the game).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { cpuMsOfTree, tasksetPath } from '../machine';
import { freePort } from '../sim-process';

export interface WebServer {
  origin: string;
  pid: number;
  /** CPU ms used so far by the server and anything it started */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

export async function startWeb(opts: {
  root: string;
  databaseUrl: string;
  logFile: string;
  cpu?: number;
  inspectPort?: number;
  /** the port to listen on (a free one when not given) */
  port?: number;
  /** set (or, undefined, removed) in the server's environment, after the defaults */
  env?: Record<string, string | undefined>;
}): Promise<WebServer> {
  const port = opts.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const webDir = path.join(opts.root, 'apps', 'web');
  const next = path.join(webDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  const node = [
    process.execPath,
    ...(opts.inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${opts.inspectPort}`]),
    next,
    'start',
    '-H',
    '127.0.0.1',
    '-p',
    String(port),
  ];
  const taskset = tasksetPath();
  const argv =
    opts.cpu !== undefined && taskset ? [taskset, '-c', String(opts.cpu), ...node] : node;
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.createWriteStream(opts.logFile);
  const secret = () => randomBytes(32).toString('hex');
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: opts.databaseUrl,
    NEXTAUTH_URL: origin,
    NEXTAUTH_SECRET: secret(),
    SIM_TICKET_SECRET: secret(),
    SIM_PUBLIC_URL: 'http://127.0.0.1:9',
    LOG_LEVEL: 'warn',
    // every bench player signs up from 127.0.0.1
    REGISTRATIONS_PER_IP_PER_HOUR: '100000',
    ...opts.env,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: webDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const pid = child.pid!;

  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited; see ${opts.logFile}`);
    try {
      const r = await fetch(`${origin}/about`, { signal: AbortSignal.timeout(5000) });
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`the web did not come up; see ${opts.logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    pid,
    cpuMs: () => cpuMsOfTree(pid),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
