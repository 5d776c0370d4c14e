/**
 * The keyset codec behind every paged list (packages/shared schemas/page.ts): a page's
 * cursor is its last row's sort key — the sort value(s), then the id that breaks ties —
 * as base64url JSON. Reading one back is parsing client input: a cursor that is not
 * one this codec made for this list's key is refused, never half-used.
 */
import { z } from 'zod';
import type { Page } from '@necp/shared';
import { DomainError } from './errors';

/** What a key part may be: epoch ms, a number sort value, an id, a bigint id as text. */
type KeyPart = string | number;

/** A cursor that does not fit the list it was sent to (edited, or from another sort). */
export const pageGone = () =>
  new DomainError('VALIDATION', 'bad page cursor', 'That page is gone: start again from the top.');

export const encodeCursor = (key: readonly KeyPart[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key a cursor holds, parsed by the list's key schema (a tuple). */
export function decodeCursor<S extends z.ZodType<readonly KeyPart[]>>(
  cursor: string,
  key: S,
): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw pageGone();
  }
  const parsed = key.safeParse(json);
  if (!parsed.success) throw pageGone();
  return parsed.data;
}

/**
 * A page from rows fetched with `take: limit + 1` in the list's order: the first
 * `limit` as items, and a cursor made from the last of them when there were more.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => readonly KeyPart[],
  view: (row: R) => T,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** Key parts most lists use: a time as epoch ms, a row id (cuid), a bigint id as text. */
/** up to the end of year 9999: beyond it a date is out of the database driver's range */
export const EpochMsPart = z
  .int()
  .min(0)
  .max(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
export const RowIdPart = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
export const BigIdPart = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/, { abort: true })
  .refine((v) => BigInt(v) < 2n ** 63n, 'past a PostgreSQL bigint');
/** (time, id) — newest-first lists of rows with a timestamp. */
export const TimeIdKey = z.tuple([EpochMsPart, RowIdPart]);
