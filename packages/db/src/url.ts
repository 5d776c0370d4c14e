import { parseIntoClientConfig } from 'pg-connection-string';
import type { PoolConfig } from 'pg';
import { unsupportedDatabaseUrlParams, unsupportedParamsMessage } from '@necp/shared';

/**
 * Splits a postgres URL into pg's separate fields (the adapter needs them split), with
 * this project's defaults: 127.0.0.1:5432, user and database `postgres`. A Unix socket
 * is its directory as the host, percent-encoded (`postgresql://u@%2Fvar%2Frun%2Fpostgresql/db`)
 * or in `?host=`. TLS as pg reads `sslmode`: `require`, `verify-ca` and `verify-full`
 * check the server's certificate (CA: `sslrootcert`); `uselibpqcompat=true` gives
 * libpq's meanings (`require`: encrypted, not checked). pg's own parser
 * (pg-connection-string) reads it: the same one the outbox worker, the migrations and the
 * cluster bus use with the URL itself, so every connection of a process means the same
 * by it. A parameter it does not read is refused (@necp/shared DatabaseUrlSchema): one
 * silently dropped left a deployment on a managed PostgreSQL in clear text — this
 * function ignored `?sslmode=require` until it used that parser.
 */
export function pgConfigFromUrl(url: string): PoolConfig {
  const unknown = unsupportedDatabaseUrlParams(url);
  if (unknown.length > 0) throw new Error(`DATABASE_URL: ${unsupportedParamsMessage(unknown)}`);
  const c = parseIntoClientConfig(url);
  return {
    ...c,
    host: c.host || '127.0.0.1',
    port: c.port ? Number(c.port) : 5432,
    user: c.user || 'postgres',
    password: c.password || undefined,
    database: c.database || 'postgres',
  };
}

/** Same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
