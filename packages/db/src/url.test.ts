import { describe, expect, it } from 'vitest';
import { createDb } from './client';
import { pgConfigFromUrl, withDatabase } from './url';
import { testDatabaseUrl } from './testing/run-databases';

describe('pgConfigFromUrl', () => {
  it('splits a TCP URL into pg’s fields', () => {
    expect(pgConfigFromUrl('postgresql://necp:s%40cret@db.internal:6543/game')).toMatchObject({
      host: 'db.internal',
      port: 6543,
      user: 'necp',
      password: 's@cret',
      database: 'game',
    });
  });

  it('fills in this project’s defaults and asks for no TLS when the URL does not', () => {
    const c = pgConfigFromUrl('postgresql://');
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: 'postgres',
    });
    expect(c.ssl).toBeFalsy();
  });

  it('takes a Unix socket directory, percent-encoded as the host or in ?host=, and keeps it in withDatabase', () => {
    const url = 'postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/test';
    expect(pgConfigFromUrl(url)).toMatchObject({ host: '/var/run/postgresql', port: 5432 });
    expect(pgConfigFromUrl(withDatabase(url, 'other'))).toMatchObject({
      host: '/var/run/postgresql',
      database: 'other',
    });
    expect(
      pgConfigFromUrl('postgresql://postgres@localhost/test?host=/var/run/postgresql'),
    ).toMatchObject({ host: '/var/run/postgresql', database: 'test' });
  });

  it('asks for TLS as sslmode says: checked by default, libpq’s unchecked require on request', () => {
    const full = pgConfigFromUrl('postgresql://u@db/x?sslmode=verify-full').ssl;
    expect(typeof full).toBe('object');
    expect((full as { rejectUnauthorized?: boolean }).rejectUnauthorized).not.toBe(false);
    expect(pgConfigFromUrl('postgresql://u@db/x?sslmode=disable').ssl).toBe(false);
    const libpq = pgConfigFromUrl('postgresql://u@db/x?uselibpqcompat=true&sslmode=require');
    expect(libpq.ssl).toMatchObject({ rejectUnauthorized: false });
  });

  it('refuses a parameter it would otherwise drop, naming it', () => {
    expect(() => pgConfigFromUrl('postgresql://u@db/x?schema=necp')).toThrow(
      /unsupported query parameter schema/,
    );
    expect(() => pgConfigFromUrl('postgresql://u@db/x?sslmode=require&pgbouncer=true')).toThrow(
      /pgbouncer/,
    );
  });
});

describe('a pool made from a URL with sslmode=require', () => {
  it('asks the server for TLS: this one has none, and the query is refused, not sent in clear', async () => {
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('uselibpqcompat', 'true');
    url.searchParams.set('sslmode', 'require');
    const db = createDb(url.toString(), { max: 1 });
    try {
      const ran = await db.$queryRaw<{ ssl: boolean }[]>`
        SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.then(
        (rows) => rows[0]?.ssl,
        (e: unknown) => String(e),
      );
      // a server with TLS: the connection is encrypted; without: refused for want of it
      if (typeof ran === 'boolean') expect(ran).toBe(true);
      else expect(ran).toMatch(/does not support SSL/i);
    } finally {
      await db.$disconnect();
    }
  });
});
