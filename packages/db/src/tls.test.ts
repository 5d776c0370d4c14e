// DATABASE_URL's TLS parameters against a real server: an embedded PostgreSQL with TLS
// switched on (a throwaway CA and a certificate for localhost, made by openssl), then
// with clear text refused, where an operator's first step — the migrations, Prisma's and
// graphile-worker's — must still run. The machine's own PostgreSQL has no TLS, so
// url.test.ts can only see a refusal there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './client';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded';
import { migrateDeploy } from './migrate';
import { hasOpenssl, testCertificates } from './testing/certificates';
import { freePort } from './testing/free-port';

/** `postgres`'s uid and gid: as root, PostgreSQL runs as that user and must own its key. */
function postgresUser(): { uid: number; gid: number } | null {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

describe.skipIf(!hasOpenssl())('DATABASE_URL over TLS (an embedded PostgreSQL with ssl on)', () => {
  let dir = '';
  let server: EmbeddedDb | undefined;
  let ours = { ca: '', crt: '', key: '' };
  let theirs = { ca: '', crt: '', key: '' };
  let port = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'necp-tls-'));
    fs.chmodSync(dir, 0o755);
    ours = testCertificates(dir, 'ours');
    theirs = testCertificates(dir, 'theirs');
    // PostgreSQL reads its key only when its own user owns it, mode 600
    fs.chmodSync(ours.key, 0o600);
    const pgUser = process.getuid?.() === 0 ? postgresUser() : null;
    if (pgUser) {
      fs.chownSync(ours.key, pgUser.uid, pgUser.gid);
      fs.chownSync(ours.crt, pgUser.uid, pgUser.gid);
    }
    port = await freePort();
    server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port,
      database: 'necp',
    });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`ALTER SYSTEM SET ssl_cert_file = '${ours.crt}'`);
    await admin.query(`ALTER SYSTEM SET ssl_key_file = '${ours.key}'`);
    await admin.query('ALTER SYSTEM SET ssl = on');
    await admin.query('SELECT pg_reload_conf()');
    await admin.end();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The server's URL by its certificate's name, with `query`. */
  function urlWith(query: string): string {
    const url = new URL(server!.url);
    url.hostname = 'localhost';
    url.search = query;
    return url.toString();
  }

  /** Whether a query through createDb(url + query) ran encrypted, or why it was refused. */
  async function encrypted(query: string): Promise<boolean | string> {
    const db = createDb(urlWith(query), { max: 1 });
    try {
      const rows = await db.$queryRaw<{ ssl: boolean }[]>`
        SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`;
      return rows[0]!.ssl;
    } catch (e) {
      return String(e);
    } finally {
      await db.$disconnect();
    }
  }

  it('verify-full with the server’s CA: the pool’s connections are encrypted', async () => {
    expect(await encrypted(`?sslmode=verify-full&sslrootcert=${ours.ca}`)).toBe(true);
  });

  it('no sslmode: in clear, as before (a URL asks for TLS or does not)', async () => {
    expect(await encrypted('')).toBe(false);
  });

  it('a certificate another CA signed is refused, not trusted', async () => {
    expect(await encrypted(`?sslmode=verify-full&sslrootcert=${theirs.ca}`)).toMatch(
      /self[- ]signed|unable to verify|certificate/i,
    );
  });

  it('libpq’s require (uselibpqcompat): encrypted without checking the certificate', async () => {
    expect(await encrypted('?uselibpqcompat=true&sslmode=require')).toBe(true);
  });

  it('an operator’s first step over TLS only: both migrations (Prisma’s, graphile-worker’s) run where clear text is refused', async () => {
    // the server now takes TCP connections over TLS only (hostssl)
    const admin = new pg.Client({ ...pgClientOf(ours.ca) });
    await admin.connect();
    const { rows } = await admin.query<{ hba_file: string }>('SHOW hba_file');
    const hba = rows[0]!.hba_file;
    fs.writeFileSync(hba, fs.readFileSync(hba, 'utf8').replace(/^host(\s)/gm, 'hostssl$1'));
    await admin.query('SELECT pg_reload_conf()');
    await admin.end();
    expect(await encrypted('')).toMatch(/no encryption|pg_hba/i);
    const tls = `?sslmode=verify-full&sslrootcert=${ours.ca}`;
    await migrateDeploy(urlWith(tls));
    const db = createDb(urlWith(tls), { max: 1 });
    try {
      const [done] = await db.$queryRaw<{ prisma: number; graphile: number }[]>`
        SELECT (SELECT count(*)::int FROM "_prisma_migrations") AS prisma,
          (SELECT count(*)::int FROM information_schema.schemata
            WHERE schema_name = 'graphile_worker') AS graphile`;
      expect(done!.prisma).toBeGreaterThan(10);
      expect(done!.graphile).toBe(1);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);

  /** pg's fields for the server over TLS (its CA), as the admin connects. */
  function pgClientOf(ca: string): pg.ClientConfig {
    const u = new URL(server!.url);
    return {
      host: 'localhost',
      port: Number(u.port),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: 'postgres',
      ssl: { ca: fs.readFileSync(ca, 'utf8') },
    };
  }
});
