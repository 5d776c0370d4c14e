/**
 * The boards read straight from PostgreSQL: what a rebuild copies into Redis, what an
 * update re-reads for the subjects an event touched, and the whole answer when there
 * is no Redis (one process) or a board is being rebuilt. The order is the Redis
 * order: s1, s2 (higher first), then id in byte order (COLLATE "C", like Redis).
 */
import type { ClassId } from '@necp/shared';
import { Prisma } from '@necp/db';
import { closedSet } from '../core/closed-columns';
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
  class: r.class === null ? null : closedSet.Character.class.parse(r.class),
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

/**
 * Every listed subject, `batch` at a time in id order (a rebuild's copy). The batches
 * follow the database's own collation, not "C": any order serves a copy, and only the
 * collation of the primary key lets each batch start from the index — in "C" order
 * every batch sorted the whole table (a million characters: 200 batches of a full sort).
 */
export async function* readAllSubjects(
  db: Db,
  source: BoardSource,
  now: Date,
  batch = 5000,
): AsyncGenerator<ScoredSubject[]> {
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await db.$queryRaw<Row[]>`
      SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b
      WHERE ${after === null ? Prisma.sql`TRUE` : Prisma.sql`b."id" > ${after}`}
      ORDER BY b."id"
      LIMIT ${batch}`;
    if (rows.length === 0) return;
    yield rows.map((r) => scored(source, r));
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}

const countOf = async (db: Db, q: Prisma.Sql) =>
  (await db.$queryRaw<{ n: number }[]>(q))[0]?.n ?? 0;

const total = (db: Db, source: BoardSource, now: Date, cls: ClassId | null) =>
  countOf(
    db,
    Prisma.sql`SELECT count(*)::int AS "n" FROM (${source.rows(now)}) b WHERE ${byClass(cls)}`,
  );

/**
 * Rows `start..start+count-1`, the rows better than the first of them and the board's
 * total: the window, then one pass counting both (they were two passes).
 */
async function window(
  db: Db,
  source: BoardSource,
  now: Date,
  cls: ClassId | null,
  start: number,
  count: number,
): Promise<{ rows: Row[]; better: number; total: number }> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b
    WHERE ${byClass(cls)} ${ORDER} OFFSET ${start} LIMIT ${count}`;
  const first = rows[0];
  if (!first) return { rows, better: 0, total: await total(db, source, now, cls) };
  const [c] = await db.$queryRaw<{ total: number; better: number }[]>`
    SELECT count(*)::int AS "total",
      (count(*) FILTER (WHERE (b."s1", b."s2") > (${first.s1}::bigint, ${first.s2}::bigint)))::int AS "better"
    FROM (${source.rows(now)}) b WHERE ${byClass(cls)}`;
  return { rows, better: c?.better ?? 0, total: c?.total ?? 0 };
}

const slice = (
  source: BoardSource,
  w: { rows: Row[]; better: number; total: number },
  start: number,
  position: number,
): RedisSlice => ({
  total: w.total,
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
  return slice(source, await window(db, source, now, cls, q.start, q.count), q.start, -1);
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
  const w = await window(db, source, now, cls, start, position - start + q.k + 1);
  return slice(source, w, start, position);
}

/**
 * A subject's score and rank on the board, once per class filter (null: the whole
 * board). One pass over the board counts every filter's total and the rows better than
 * the subject (each was two passes per filter).
 */
export async function pgStandings(
  db: Db,
  source: BoardSource,
  now: Date,
  classes: readonly (ClassId | null)[],
  id: string,
): Promise<{ total: number; score: number | null; rank: number | null }[]> {
  const [me] = await db.$queryRaw<Row[]>`
    SELECT b."id", b."class", b."s1", b."s2" FROM (${source.rows(now)}) b WHERE b."id" = ${id}`;
  const better = me
    ? Prisma.sql`(b."s1", b."s2") > (${me.s1}::bigint, ${me.s2}::bigint)`
    : Prisma.sql`FALSE`;
  const columns = classes.map(
    (c, i) =>
      Prisma.sql`(count(*) FILTER (WHERE ${byClass(c)}))::int AS ${Prisma.raw(`"t${i}"`)},
        (count(*) FILTER (WHERE ${byClass(c)} AND ${better}))::int AS ${Prisma.raw(`"b${i}"`)}`,
  );
  const [counts] = await db.$queryRaw<Record<string, number>[]>`
    SELECT ${Prisma.join(columns)} FROM (${source.rows(now)}) b`;
  return classes.map((c, i) => {
    const t = counts?.[`t${i}`] ?? 0;
    // on the whole board always; on a class's only when it is of that class
    if (!me || (c !== null && me.class !== c)) return { total: t, score: null, rank: null };
    return { total: t, score: scored(source, me).score, rank: (counts?.[`b${i}`] ?? 0) + 1 };
  });
}
