import { afterAll, describe, expect, it } from 'vitest';
import { readRows } from './read-rows';
import { createTestUser } from './testing';
import { testDb } from './testing/run-databases';

const db = testDb(2);
afterAll(() => db.$disconnect());

describe('readRows (prepared statements on the shared pool)', () => {
  it('reads what Prisma reads, timestamps as the same UTC instants whatever the local zone', async () => {
    const until = new Date('2031-03-04T05:06:07.089Z');
    const u = await createTestUser(db);
    await db.user.update({ where: { id: u.id }, data: { bannedUntil: until } });
    const tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const q = {
        name: 'test_read_user',
        text: `SELECT id, "bannedUntil", "createdAt", "sessionVersion" FROM "User" WHERE id = $1`,
        values: [u.id],
      };
      // twice: the second run uses the statement prepared on that connection
      for (let i = 0; i < 2; i++) {
        const [row] = (await readRows(db, q)) as Record<string, unknown>[];
        const viaPrisma = await db.user.findUniqueOrThrow({ where: { id: u.id } });
        expect(row).toEqual({
          id: u.id,
          bannedUntil: until,
          createdAt: viaPrisma.createdAt,
          sessionVersion: viaPrisma.sessionVersion,
        });
      }
    } finally {
      process.env.TZ = tz;
    }
    expect(
      await readRows(db, { name: 'test_none', text: 'SELECT 1 WHERE false', values: [] }),
    ).toEqual([]);
  });
});
