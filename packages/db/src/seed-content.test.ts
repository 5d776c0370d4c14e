import { afterAll, describe, expect, it } from 'vitest';
import { ITEM_TEMPLATES, ZONES, itemTemplateById } from '@necp/shared';
import { createTestCharacter, createTestUser } from './testing/factories';
import { seedContent } from './seed-content';
import { testDb } from './testing/run-databases';

const db = testDb(2);
afterAll(() => db.$disconnect());

describe('content seed', () => {
  it('is idempotent: seeding again changes nothing', async () => {
    const before = await db.spawnPoint.findMany({ orderBy: { id: 'asc' } });
    await seedContent(db);
    expect((await seedContent(db)).itemTemplatesWritten).toBe(0);
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

  it('stores every item template: columns for queries, the full template in data', async () => {
    const rows = await db.itemTemplate.findMany({
      where: { id: { in: ITEM_TEMPLATES.map((t) => t.id) } },
    });
    expect(rows).toHaveLength(ITEM_TEMPLATES.length);
    const pistol = rows.find((r) => r.id === 'pistol_unity')!;
    const content = itemTemplateById('pistol_unity')!;
    expect(pistol).toMatchObject({
      name: content.name,
      kind: 'weapon',
      slot: 'main_hand',
      rarity: 'common',
      levelReq: content.levelReq,
      stackSize: 1,
      maxDurability: content.maxDurability,
    });
    expect(pistol.data).toEqual(content);
    const stim = rows.find((r) => r.id === 'stim_basic')!;
    expect(stim).toMatchObject({ slot: null, maxDurability: null, stackSize: 20 });
  });

  it('repairs drifted templates, drops unused retired ones, keeps retired ones items still use', async () => {
    await db.itemTemplate.update({ where: { id: 'scrap_metal' }, data: { value: 999 } });
    const retired = { kind: 'junk', rarity: 'common', levelReq: 1, stackSize: 1, weight: 0 };
    const row = (id: string) => ({
      id,
      name: id,
      ...retired,
      value: 0,
      binding: 'none',
      data: { id },
    });
    await db.itemTemplate.create({ data: row('retired_unused') });
    await db.itemTemplate.create({ data: row('retired_in_use') });
    const u = await createTestUser(db);
    const c = await createTestCharacter(db, u.id);
    const item = await db.item.create({
      data: {
        templateId: 'retired_in_use',
        quantity: 1,
        container: 'BAG',
        slot: 0,
        characterId: c.id,
      },
    });
    try {
      const r = await seedContent(db);
      expect(r.retiredTemplates).toContain('retired_in_use');
      expect(r.retiredTemplates).not.toContain('retired_unused');
      expect(r.itemTemplates).toBe(ITEM_TEMPLATES.length);
      expect(r.itemTemplatesWritten).toBe(1); // only the drifted scrap_metal
      expect(await db.itemTemplate.findUnique({ where: { id: 'retired_unused' } })).toBeNull();
      expect(await db.itemTemplate.findUnique({ where: { id: 'retired_in_use' } })).not.toBeNull();
      expect(
        (await db.itemTemplate.findUniqueOrThrow({ where: { id: 'scrap_metal' } })).value,
      ).toBe(itemTemplateById('scrap_metal')!.value);
    } finally {
      await db.item.delete({ where: { id: item.id } });
      await db.itemTemplate.delete({ where: { id: 'retired_in_use' } });
    }
  });
});
