import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDb } from './client';
import { listenChannel } from './listen';
import { testDatabaseUrl } from './testing/run-databases';

const url = testDatabaseUrl();
const db = createDb(url, { max: 2 });
afterAll(() => db.$disconnect());

const WAIT = { timeout: 15_000, interval: 20 };

describe('listenChannel (a LISTEN that stays)', () => {
  it('hears notifications with their payloads, is called once per connect, and listens again after its connection is killed', async () => {
    // a channel of this test's own: the database is shared with other files
    const channel = `test_listen_${randomBytes(4).toString('hex')}`;
    const heard: (string | undefined)[] = [];
    const errors: unknown[] = [];
    const ear = listenChannel(
      url,
      channel,
      (p) => heard.push(p),
      (e) => errors.push(e),
    );
    try {
      await ear.ready;
      expect(heard).toEqual([undefined]);
      await db.$executeRaw`SELECT pg_notify(${channel}, 'one')`;
      await vi.waitFor(() => expect(heard).toEqual([undefined, 'one']), WAIT);
      // a rolled-back notification is never sent
      await db
        .$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_notify(${channel}, 'rolled back')`;
          throw new Error('roll back');
        })
        .catch(() => undefined);
      // the server ends the listening connection: it comes back, and says so (what was
      // notified meanwhile is lost, so its owner looks then)
      await db.$executeRaw`
        SELECT pg_terminate_backend("pid") FROM pg_stat_activity
        WHERE "query" = ${`LISTEN ${channel}`}`;
      await vi.waitFor(() => expect(heard).toEqual([undefined, 'one', undefined]), WAIT);
      expect(errors.length).toBeGreaterThan(0);
      await db.$executeRaw`SELECT pg_notify(${channel}, 'two')`;
      await vi.waitFor(() => expect(heard).toEqual([undefined, 'one', undefined, 'two']), WAIT);
    } finally {
      await ear.close();
    }
    // closed: nothing more is heard, and it does not come back
    await db.$executeRaw`SELECT pg_notify(${channel}, 'three')`;
    const listening = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE "query" = ${`LISTEN ${channel}`}`;
    expect(listening[0]?.n).toBe(0);
  });

  it('refuses a channel name that is not a plain identifier', () => {
    expect(() =>
      listenChannel(
        url,
        'x; DROP TABLE "User"',
        () => undefined,
        () => undefined,
      ),
    ).toThrow(/bad channel/);
  });
});
