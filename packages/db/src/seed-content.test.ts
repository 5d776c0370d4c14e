import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ZONES } from '@necp/shared';
import { createDb } from './client';
import { seedContent } from './seed-content';

const db = createDb(inject('databaseUrl'), { max: 2 });
afterAll(() => db.$disconnect());

describe('content seed', () => {
  it('is idempotent: seeding again changes nothing', async () => {
    const before = await db.spawnPoint.findMany({ orderBy: { id: 'asc' } });
    await seedContent(db);
    await seedContent(db);
    const after = await db.spawnPoint.findMany({ orderBy: { id: 'asc' } });
    expect(after).toEqual(before);
    expect(await db.zone.count()).toBe(ZONES.length);
  });

  it('stores every zone with its spawn points as the content says', async () => {
    const watson = await db.zone.findUniqueOrThrow({
      where: { id: 'watson' },
      include: { spawnPoints: true },
    });
    const content = ZONES.find((z) => z.id === 'watson')!;
    expect(watson.width).toBe(content.width);
    expect(watson.spawnPoints.map((s) => s.id).sort()).toEqual(
      content.spawnPoints.map((s) => s.id).sort(),
    );
  });

  it('repairs drifted rows and removes spawn points that left the content', async () => {
    await db.zone.update({ where: { id: 'watson' }, data: { name: 'Tampered' } });
    await db.spawnPoint.create({
      data: { id: 'stale-point', zoneId: 'watson', kind: 'npc_area', name: 'old', x: 1, y: 1 },
    });
    await seedContent(db);
    expect((await db.zone.findUniqueOrThrow({ where: { id: 'watson' } })).name).toBe('Watson');
    expect(await db.spawnPoint.findUnique({ where: { id: 'stale-point' } })).toBeNull();
  });
});
