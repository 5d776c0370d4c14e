import { ZONES } from '@necp/shared';
import type { Db } from './client';

/** Idempotent content seed: upserts zones and their spawn points from packages/shared. */
export async function seedContent(db: Db): Promise<{ zones: number; spawnPoints: number }> {
  let spawnPoints = 0;
  await db.$transaction(async (tx) => {
    for (const z of ZONES) {
      const data = {
        name: z.name,
        width: z.width,
        height: z.height,
        minLevel: z.minLevel,
        maxLevel: z.maxLevel,
      };
      await tx.zone.upsert({ where: { id: z.id }, create: { id: z.id, ...data }, update: data });
      for (const s of z.spawnPoints) {
        const sp = { zoneId: z.id, kind: s.kind, name: s.name, x: s.x, y: s.y };
        await tx.spawnPoint.upsert({
          where: { id: s.id },
          create: { id: s.id, ...sp },
          update: sp,
        });
        spawnPoints++;
      }
      // spawn points removed from content are removed from the database too
      await tx.spawnPoint.deleteMany({
        where: { zoneId: z.id, id: { notIn: z.spawnPoints.map((s) => s.id) } },
      });
    }
  });
  return { zones: ZONES.length, spawnPoints };
}
