// Direct transactions' round trips (raw-transaction.ts, after-begin.ts): BEGIN sent with
// the body's first statement, and a body of one statement sent alone. Split from
// raw-transaction.test.ts, which holds what a direct transaction runs and refuses.
import { afterAll, describe, expect, it } from 'vitest';
import { readAfterCommit } from './after-commit';
import { runTransaction } from './raw-transaction';
import { poolOf } from './read-rows';
import { createTestUser } from './testing';
import { testDb } from './testing/run-databases';

const db = testDb(3);
afterAll(() => db.$disconnect());

const limits = { maxWait: 5_000, timeout: 10_000 };

/** Round trips (ReadyForQuery answers) on the pool's connections while `fn` runs. */
async function roundTrips(fn: () => Promise<unknown>): Promise<number> {
  const pool = poolOf(db)!;
  let n = 0;
  const count = () => void n++;
  type Watched = {
    connection: { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
  };
  const watched: Watched[] = [];
  const watch = (client: unknown) => {
    const c = client as Watched;
    c.connection.on('readyForQuery', count);
    watched.push(c);
  };
  pool.on('acquire', watch);
  try {
    await fn();
  } finally {
    pool.off('acquire', watch);
    for (const c of watched) c.connection.off('readyForQuery', count);
  }
  return n;
}

describe('runTransaction direct: BEGIN goes with the first statement (one round trip)', () => {
  const direct = { ...limits, direct: true };
  const name = (id: string) => db.user.findUniqueOrThrow({ where: { id } }).then((u) => u.username);

  // one statement at a time: the pool hands back the connection it was given last, where
  // the statement is prepared after the first run
  const write = (id: string, to: string, fail = false) =>
    runTransaction(
      db,
      async (tx) => {
        await tx.$executeRaw`UPDATE "User" SET "username" = ${to} WHERE "id" = ${id}`;
        await tx.$queryRaw`SELECT 1`;
        if (fail) throw new Error('refused');
      },
      direct,
    );

  it('once the connection has prepared it: BEGIN, statement, statement, COMMIT in three round trips', async () => {
    const u = await createTestUser(db);
    // the first run prepares its statements (BEGIN goes alone before a statement's first use)
    expect(await roundTrips(() => write(u.id, 'rt-1'))).toBe(4);
    expect(await roundTrips(() => write(u.id, 'rt-2'))).toBe(3);
    expect(await name(u.id)).toBe('rt-2');
  });

  it('the statement runs inside the transaction: rolled back with it', async () => {
    const u = await createTestUser(db);
    await write(u.id, 'kept');
    await expect(write(u.id, 'lost', true)).rejects.toThrow('refused');
    expect(await name(u.id)).toBe('kept');
  });

  it('takes the isolation level asked for before its first statement', async () => {
    const level = () =>
      runTransaction(
        db,
        (tx) =>
          tx.$queryRaw<
            { level: string }[]
          >`SELECT current_setting('transaction_isolation') AS "level"`,
        { ...direct, isolationLevel: 'RepeatableRead' },
      );
    await level();
    const n = await roundTrips(async () => {
      expect((await level())[0]?.level).toBe('repeatable read');
    });
    expect(n).toBe(2);
  });

  it('a first statement that fails: its error, the transaction rolled back, the connection fine', async () => {
    const divide = (by: number) =>
      runTransaction(
        db,
        (tx) => tx.$queryRaw<{ q: number }[]>`SELECT 6 / ${by}::int AS "q"`,
        direct,
      );
    expect(await divide(2)).toEqual([{ q: 3 }]);
    await expect(divide(0)).rejects.toMatchObject({ code: '22012' });
    expect(await divide(3)).toEqual([{ q: 2 }]);
  });

  it('a body that runs no statement sends nothing', async () => {
    expect(await roundTrips(() => runTransaction(db, async () => 7, direct))).toBe(0);
  });
});

describe('runTransaction direct and alone (one statement, no BEGIN or COMMIT)', () => {
  const alone = { ...limits, direct: true, alone: true };
  const name = (id: string) => db.user.findUniqueOrThrow({ where: { id } }).then((u) => u.username);

  /** What the pool's connections are sent while `fn` runs (the texts of simple queries). */
  async function sentDuring(fn: () => Promise<unknown>): Promise<string[]> {
    const pool = poolOf(db)!;
    const client = await pool.connect();
    const proto = Object.getPrototypeOf(client) as { query: (...a: unknown[]) => unknown };
    client.release();
    const sent: string[] = [];
    const query = proto.query;
    proto.query = function (this: unknown, ...a: unknown[]) {
      const q = a[0];
      sent.push(typeof q === 'string' ? q : String((q as { text?: string }).text));
      return query.apply(this, a);
    };
    try {
      await fn();
    } finally {
      proto.query = query;
    }
    return sent;
  }

  it('sends its one statement alone, and it commits by itself', async () => {
    const u = await createTestUser(db);
    const sent = await sentDuring(() =>
      runTransaction(
        db,
        (tx) => tx.$executeRaw`UPDATE "User" SET "username" = 'alone' WHERE "id" = ${u.id}`,
        alone,
      ),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('UPDATE "User"');
    expect(await name(u.id)).toBe('alone');
    // the same body, direct but not alone: BEGIN and COMMIT around it
    const framed = await sentDuring(() =>
      runTransaction(
        db,
        (tx) => tx.$executeRaw`UPDATE "User" SET "username" = 'framed' WHERE "id" = ${u.id}`,
        { ...limits, direct: true },
      ),
    );
    expect(framed.map((t) => t.trim().split(/\s/)[0])).toEqual(['BEGIN', 'UPDATE', 'COMMIT']);
  });

  it('refuses a second statement (the first has committed: it is not undone)', async () => {
    const u = await createTestUser(db);
    await expect(
      runTransaction(
        db,
        async (tx) => {
          await tx.$executeRaw`UPDATE "User" SET "username" = 'first' WHERE "id" = ${u.id}`;
          await tx.$executeRaw`UPDATE "User" SET "username" = 'second' WHERE "id" = ${u.id}`;
        },
        alone,
      ),
    ).rejects.toThrow('one statement only');
    expect(await name(u.id)).toBe('first');
  });

  it('a model call after its statement is an error, never a rerun that writes twice', async () => {
    const u = await createTestUser(db);
    await expect(
      runTransaction(
        db,
        async (tx) => {
          await tx.$executeRaw`
            UPDATE "User" SET "username" = "username" || '+' WHERE "id" = ${u.id}`;
          return tx.user.findUnique({ where: { id: u.id } });
        },
        alone,
      ),
    ).rejects.toThrow('reached for a model after its statement');
    expect(await name(u.id)).toBe(`${u.username}+`);
  });
});

describe('readAfterCommit: a read sent with COMMIT, run after it', () => {
  const direct = { ...limits, direct: true };
  // outside a transaction nothing has an xid: what the read sees proves it ran after COMMIT
  const xidRead = {
    name: 'test_after_commit_xid',
    text: 'SELECT pg_current_xact_id_if_assigned()::text AS "xid", $1::text AS "tag"',
    values: ['seen'],
  };
  const writeThenRead = (id: string, to: string, o: { fail?: boolean } = {}) =>
    runTransaction(
      db,
      async (tx) => {
        await tx.$executeRaw`UPDATE "User" SET "username" = ${to} WHERE "id" = ${id}`;
        const read = readAfterCommit(tx, xidRead);
        if (o.fail) throw new Error('refused');
        // in an object: the body's own promise would wait for it before COMMIT
        return { read };
      },
      direct,
    );

  it('once the connection has prepared it: BEGIN with the write, COMMIT with the read — two round trips', async () => {
    const u = await createTestUser(db);
    // the first run: BEGIN alone (the write's first use), the write, COMMIT, then the read
    const first = await writeThenRead(u.id, 'ac-1');
    expect(await first.read).toEqual([{ xid: null, tag: 'seen' }]);
    let read: Promise<unknown[] | null> | undefined;
    expect(await roundTrips(async () => ({ read } = await writeThenRead(u.id, 'ac-2')))).toBe(2);
    expect(await read).toEqual([{ xid: null, tag: 'seen' }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).username).toBe('ac-2');
  });

  it('a body that throws: rolled back, the read never sent, null', async () => {
    const u = await createTestUser(db);
    let read: Promise<unknown[] | null> | undefined;
    await expect(
      runTransaction(
        db,
        async (tx) => {
          await tx.$executeRaw`UPDATE "User" SET "username" = ${'lost'} WHERE "id" = ${u.id}`;
          read = readAfterCommit(tx, xidRead);
          throw new Error('refused');
        },
        direct,
      ),
    ).rejects.toThrow('refused');
    expect(await read).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).username).not.toBe('lost');
  });

  it('a COMMIT that fails (a deferred check): the transaction throws, the read is null', async () => {
    let read: Promise<unknown[] | null> | undefined;
    await expect(
      runTransaction(
        db,
        async (tx) => {
          await tx.$executeRawUnsafe(
            'CREATE TEMP TABLE after_commit_t (v int UNIQUE DEFERRABLE INITIALLY DEFERRED) ON COMMIT DROP',
          );
          await tx.$executeRawUnsafe('INSERT INTO after_commit_t VALUES (1), (1)');
          read = readAfterCommit(tx, xidRead);
        },
        direct,
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await read).toBeNull();
  });

  it('a read that fails after the commit: the write stands, the read rejects', async () => {
    const u = await createTestUser(db);
    const bad = { name: 'test_after_commit_bad', text: 'SELECT 1 / $1::int AS "x"', values: [0] };
    // the first after COMMIT's answer (its first use), the second with COMMIT
    for (const to of ['stands', 'stands too']) {
      const { read } = await runTransaction(
        db,
        async (tx) => {
          await tx.$executeRaw`UPDATE "User" SET "username" = ${to} WHERE "id" = ${u.id}`;
          return { read: readAfterCommit(tx, bad) };
        },
        direct,
      );
      await expect(read).rejects.toMatchObject({ code: '22012' });
      expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).username).toBe(to);
    }
  });

  it('one read a transaction; after a model call, the read follows Prisma’s commit', async () => {
    await expect(
      runTransaction(
        db,
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          void readAfterCommit(tx, xidRead);
          void readAfterCommit(tx, xidRead);
        },
        direct,
      ),
    ).rejects.toThrow('one read a transaction');
    const u = await createTestUser(db);
    const { read } = await runTransaction(
      db,
      async (tx) => {
        await tx.user.update({ where: { id: u.id }, data: { username: 'by-prisma' } });
        return { read: readAfterCommit(tx, xidRead) };
      },
      direct,
    );
    expect(await read).toEqual([{ xid: null, tag: 'seen' }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).username).toBe('by-prisma');
  });
});
