/**
 * The boards read straight from PostgreSQL: what a rebuild copies into Redis, what an
 * update re-reads for the subjects an event touched, and the whole answer when there
 * is no Redis (one process) or a board is being rebuilt. The order is the Redis
 * order: s1, s2 (higher first), then id in byte order (COLLATE "C", like Redis).
 */
import type { ClassId } from '@necp/shared';
import { Prisma } from '@necp/db';
import type { Db, Tx } from '../core/deps';
import type { BoardSource } from './board-registry';
import type { RedisSlice } from './redis-boards';

interface Row {
  id: string;
  class: string | null;
  s1: bigint | number;
  s2: bigint | number;
}

export interface ScoredSubject {
  id: string;
  class: ClassId | null;
  score: number;
}

const scored = (source: BoardSource, r: Row): ScoredSubject => ({
  id: r.id,
  class: (r.class as ClassId | null) ?? null,
  score: source.score(Number(r.s1), Number(r.s2)),
});

const byClass = (cls: ClassId | null | undefined) =>
  cls ? Prisma.sql`b."class" = ${cls}` : Prisma.sql`TRUE`;

const ORDER = Prisma.sql`ORDER BY b."s1" DESC, b."s2" DESC, b."id" COLLATE "C"`;

/** The listed ones of `ids` with their scores (the others are not listed). */
export async function readSubjects(
  db: Db | Tx,
  source: BoardSource,
  now: Date,
  ids: readonly string[],
): Promise<ScoredSubject[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b
    WHERE b."id" = ANY(${[...ids]}::text[])`;
  return rows.map((r) => scored(source, r));
}

/** Every listed subject, `batch` at a time in id order (a rebuild's copy). */
export async function* readAllSubjects(
  db: Db,
  source: BoardSource,
  now: Date,
  batch = 5000,
): AsyncGenerator<ScoredSubject[]> {
  let after = '';
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b
      WHERE b."id" COLLATE "C" > ${after}
      ORDER BY b."id" COLLATE "C"
      LIMIT ${batch}`;
    if (rows.length === 0) return;
    yield rows.map((r) => scored(source, r));
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}

const countOf = async (db: Db, q: Prisma.Sql) =>
  (await db.$queryRaw<{ n: number }[]>(q))[0]?.n ?? 0;

/** Rows strictly better than (s1, s2) on the board (with the class filter). */
const betterThan = (db: Db, source: BoardSource, now: Date, cls: ClassId | null, r: Row) =>
  countOf(
    db,
    Prisma.sql`SELECT count(*)::int AS "n" FROM (${source.rows(now)}) b
      WHERE ${byClass(cls)} AND (b."s1", b."s2") > (${r.s1}::bigint, ${r.s2}::bigint)`,
  );

const total = (db: Db, source: BoardSource, now: Date, cls: ClassId | null) =>
  countOf(
    db,
    Prisma.sql`SELECT count(*)::int AS "n" FROM (${source.rows(now)}) b WHERE ${byClass(cls)}`,
  );

async function window(
  db: Db,
  source: BoardSource,
  now: Date,
  cls: ClassId | null,
  start: number,
  count: number,
): Promise<{ rows: Row[]; better: number }> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b
    WHERE ${byClass(cls)} ${ORDER} OFFSET ${start} LIMIT ${count}`;
  const better = rows[0] ? await betterThan(db, source, now, cls, rows[0]) : 0;
  return { rows, better };
}

const slice = (
  source: BoardSource,
  w: { rows: Row[]; better: number },
  t: number,
  start: number,
  position: number,
): RedisSlice => ({
  total: t,
  start,
  position,
  better: w.better,
  rows: w.rows.map((r) => ({ id: r.id, score: scored(source, r).score })),
});

/** Rows `start..start+count-1` of the board (the same shape as the Redis read). */
export async function pgSlice(
  db: Db,
  source: BoardSource,
  now: Date,
  cls: ClassId | null,
  q: { start: number; count: number },
): Promise<RedisSlice> {
  const [w, t] = await Promise.all([
    window(db, source, now, cls, q.start, q.count),
    total(db, source, now, cls),
  ]);
  return slice(source, w, t, q.start, -1);
}

/** The `k` rows on each side of `member`; 'absent' when it is not on the board. */
export async function pgAround(
  db: Db,
  source: BoardSource,
  now: Date,
  cls: ClassId | null,
  q: { member: string; k: number },
): Promise<RedisSlice | 'absent'> {
  const [me] = await db.$queryRaw<Row[]>`
    SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b
    WHERE b."id" = ${q.member} AND ${byClass(cls)}`;
  if (!me) return 'absent';
  const position = await countOf(
    db,
    Prisma.sql`SELECT count(*)::int AS "n" FROM (${source.rows(now)}) b
      WHERE ${byClass(cls)} AND ((b."s1", b."s2") > (${me.s1}::bigint, ${me.s2}::bigint)
        OR ((b."s1", b."s2") = (${me.s1}::bigint, ${me.s2}::bigint) AND b."id" COLLATE "C" < ${me.id}))`,
  );
  const start = Math.max(0, position - q.k);
  const [w, t] = await Promise.all([
    window(db, source, now, cls, start, position - start + q.k + 1),
    total(db, source, now, cls),
  ]);
  return slice(source, w, t, start, position);
}

/** A subject's score and rank on the board (with the class filter). */
export async function pgStanding(
  db: Db,
  source: BoardSource,
  now: Date,
  cls: ClassId | null,
  id: string,
): Promise<{ total: number; score: number | null; rank: number | null }> {
  const [[me], t] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b
      WHERE b."id" = ${id} AND ${byClass(cls)}`,
    total(db, source, now, cls),
  ]);
  if (!me) return { total: t, score: null, rank: null };
  const better = await betterThan(db, source, now, cls, me);
  return { total: t, score: scored(source, me).score, rank: better + 1 };
}
