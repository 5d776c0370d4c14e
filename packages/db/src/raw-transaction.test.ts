import { afterAll, describe, expect, it } from 'vitest';
import { Prisma } from './generated/prisma/client';
import { directFallbacks, runTransaction, runsRawDirectly } from './raw-transaction';
import { poolOf } from './read-rows';
import { createTestUser } from './testing';
import { testDb } from './testing/run-databases';

const db = testDb(3);
afterAll(() => db.$disconnect());

const limits = { maxWait: 5_000, timeout: 10_000 };

describe('runTransaction (raw statements on the transaction’s own connection)', () => {
  it('runs them inside the transaction: seen by its model calls, gone with its rollback', async () => {
    const u = await createTestUser(db);
    await expect(
      runTransaction(
        db,
        async (tx) => {
          expect(runsRawDirectly(tx)).toBe(true);
          await tx.$executeRaw`UPDATE "User" SET "username" = 'raw-inside' WHERE "id" = ${u.id}`;
          // the model call runs on the same connection: it sees the uncommitted write
          const seen = await tx.user.findUniqueOrThrow({ where: { id: u.id } });
          expect(seen.username).toBe('raw-inside');
          // and another connection does not
          const outside = await db.user.findUniqueOrThrow({ where: { id: u.id } });
          expect(outside.username).not.toBe('raw-inside');
          throw new Error('roll back');
        },
        limits,
      ),
    ).rejects.toThrow('roll back');
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.username).not.toBe('raw-inside');

    await runTransaction(
      db,
      (tx) => tx.$executeRaw`UPDATE "User" SET "username" = 'raw-kept' WHERE "id" = ${u.id}`,
      limits,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).username).toBe('raw-kept');
  });

  it('types rows and parameters as Prisma’s own $queryRaw does, whatever the local zone', async () => {
    const at = new Date('2031-03-04T05:06:07.089Z');
    const sql = Prisma.sql`
      SELECT ${at}::timestamp AS "ts", ${at}::timestamp::date AS "day", 9007199254740993::int8 AS "big",
        12.5::numeric AS "dec", '{"a":[1,2]}'::jsonb AS "doc", ARRAY['x','y']::text[] AS "list",
        ARRAY[1,2]::int8[] AS "bigs", ${[3n, 4n]}::int8[] AS "echo", 7::int AS "n", true AS "yes",
        ${null}::text AS "none"`;
    // a transaction opened by Prisma itself is Prisma's alone: the reference
    const viaPrisma = await db.$transaction((tx) => {
      expect(runsRawDirectly(tx)).toBe(false);
      return tx.$queryRaw<Record<string, unknown>[]>(sql);
    });
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const [raw] = await runTransaction(
        db,
        (tx) => tx.$queryRaw<Record<string, unknown>[]>(sql),
        limits,
      );
      expect(raw).toEqual(viaPrisma[0]);
      expect(raw).toMatchObject({ ts: at, big: 9007199254740993n, n: 7, doc: { a: [1, 2] } });
      expect(String(raw?.dec)).toBe('12.5');
    } finally {
      process.env.TZ = tz;
    }
  });

  it('keeps the SQLSTATE on an error, so deadlocks and trigger refusals are still told apart', async () => {
    const err = await runTransaction(
      db,
      (tx) => tx.$queryRaw`SELECT * FROM "NoSuchTable"`,
      limits,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '42P01' });
  });

  it('refuses a statement once the transaction has finished (past its time limit)', async () => {
    let late: unknown;
    const outcome = await runTransaction(
      db,
      async (tx) => {
        await new Promise((r) => setTimeout(r, 400));
        // Prisma rolled it back at 200 ms: this must not run on the released connection
        late = await tx.$executeRaw`SELECT 1`.catch((e: unknown) => e);
      },
      { maxWait: 5_000, timeout: 200 },
    ).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Error);
    expect(late).toMatchObject({ code: 'P2028' });
  });

  it('the Unsafe forms take $n placeholders', async () => {
    const [row] = await runTransaction(
      db,
      (tx) => tx.$queryRawUnsafe<{ s: number }[]>('SELECT $1::int + $2::int AS "s"', 2, 3),
      limits,
    );
    expect(row).toEqual({ s: 5 });
    const n = await runTransaction(
      db,
      (tx) => tx.$executeRawUnsafe('SELECT generate_series(1, $1::int)', 4),
      limits,
    );
    expect(n).toBe(4);
  });
});

describe('runTransaction direct (raw statements only, no Prisma transaction)', () => {
  const direct = { ...limits, direct: true };
  const name = (id: string) => db.user.findUniqueOrThrow({ where: { id } }).then((u) => u.username);

  it('commits what the body wrote; rolls it all back when the body throws', async () => {
    const u = await createTestUser(db);
    await runTransaction(
      db,
      async (tx) => {
        expect(runsRawDirectly(tx)).toBe(true);
        await tx.$executeRaw`UPDATE "User" SET "username" = 'direct-kept' WHERE "id" = ${u.id}`;
        // not visible outside before the commit
        expect(await name(u.id)).not.toBe('direct-kept');
      },
      direct,
    );
    expect(await name(u.id)).toBe('direct-kept');
    await expect(
      runTransaction(
        db,
        async (tx) => {
          await tx.$executeRaw`UPDATE "User" SET "username" = 'direct-lost' WHERE "id" = ${u.id}`;
          throw new Error('refused');
        },
        direct,
      ),
    ).rejects.toThrow('refused');
    expect(await name(u.id)).toBe('direct-kept');
  });

  it('a model call rolls the attempt back and runs the body again in Prisma’s transaction', async () => {
    const u = await createTestUser(db);
    const before = directFallbacks().get('user') ?? 0;
    const runs: boolean[] = [];
    const out = await runTransaction(
      db,
      async (tx) => {
        runs.push(runsRawDirectly(tx));
        await tx.$executeRaw`
          UPDATE "User" SET "username" = "username" || '+' WHERE "id" = ${u.id}`;
        // swallowed by the body: the attempt is still not kept
        const seen = await tx.user.findUnique({ where: { id: u.id } }).catch(() => null);
        return seen?.username;
      },
      direct,
    );
    expect(runs).toEqual([true, true]);
    expect(directFallbacks().get('user')).toBe(before + 1);
    expect(out).toBe(`${u.username}+`);
    // once, not twice: the direct attempt's write was rolled back
    expect(await name(u.id)).toBe(`${u.username}+`);
  });

  it('takes the isolation level asked for', async () => {
    const [row] = await runTransaction(
      db,
      (tx) =>
        tx.$queryRaw<
          { level: string }[]
        >`SELECT current_setting('transaction_isolation') AS "level"`,
      { ...direct, isolationLevel: 'Serializable' },
    );
    expect(row?.level).toBe('serializable');
  });

  it('past its time limit: rolled back, its statements refused, the connection not reused dirty', async () => {
    const u = await createTestUser(db);
    let late: unknown;
    const outcome = await runTransaction(
      db,
      async (tx) => {
        await tx.$executeRaw`UPDATE "User" SET "username" = 'too-late' WHERE "id" = ${u.id}`;
        await new Promise((r) => setTimeout(r, 400));
        late = await tx.$executeRaw`SELECT 1`.catch((e: unknown) => e);
      },
      { ...direct, timeout: 200 },
    ).catch((e: unknown) => e);
    expect(outcome).toMatchObject({ code: 'P2028' });
    expect(late).toMatchObject({ code: 'P2028' });
    expect(await name(u.id)).not.toBe('too-late');
    // every connection of the pool still answers outside any transaction
    const states = await Promise.all(
      [1, 2, 3].map(() =>
        runTransaction(db, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT 1 AS "n"`, direct),
      ),
    );
    expect(states.flat()).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
  });

  it('past its time limit while a statement waits for a lock: cancelled, not left waiting', async () => {
    const u = await createTestUser(db);
    const holder = await poolOf(db)!.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE', [u.id]);
      const outcome = runTransaction(
        db,
        (tx) => tx.$executeRaw`UPDATE "User" SET "username" = 'blocked' WHERE "id" = ${u.id}`,
        { ...direct, timeout: 300 },
      ).catch((e: unknown) => e);
      const hung = new Promise((r) => setTimeout(() => r('still waiting'), 8_000));
      expect(await Promise.race([outcome, hung])).toMatchObject({ code: 'P2028' });
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    expect(await name(u.id)).not.toBe('blocked');
  });

  it('no connection free within maxWait is a P2028', async () => {
    const held = await Promise.all([1, 2, 3].map(() => poolOf(db)!.connect()));
    try {
      const err = await runTransaction(db, async () => 1, { ...direct, maxWait: 100 }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ code: 'P2028' });
    } finally {
      for (const c of held) c.release();
    }
    expect(await runTransaction(db, async () => 2, direct)).toBe(2);
  });

  it('a statement prepared before a migration changed its table still answers after it', async () => {
    const table = `stale_${Date.now()}`;
    await db.$executeRawUnsafe(`CREATE TABLE "${table}" (a int)`);
    await db.$executeRawUnsafe(`INSERT INTO "${table}" VALUES (1)`);
    const read = () =>
      runTransaction(
        db,
        (tx) => tx.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`),
        direct,
      );
    // prepared on every connection of the pool
    expect(await Promise.all([read(), read(), read()])).toEqual([
      [{ a: 1 }],
      [{ a: 1 }],
      [{ a: 1 }],
    ]);
    await db.$executeRawUnsafe(`ALTER TABLE "${table}" ADD COLUMN b int DEFAULT 2`);
    // each connection's stale statement is refused once; the body runs again, and answers
    for (let i = 0; i < 4; i++) expect(await read()).toEqual([{ a: 1, b: 2 }]);
    await db.$executeRawUnsafe(`DROP TABLE "${table}"`);
  });
});
