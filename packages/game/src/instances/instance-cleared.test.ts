// The clear of a dungeon or raid in PostgreSQL: one outbox event per instance of
// the kind's own type and payload (the achievements subscriber reads dungeonId or
// raidId), members listed once and sorted, a retry publishing nothing, bad input
// refused before anything is written.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../accounts/test-deps';
import {
  deliverAll,
  earnedIds,
  newPlayer,
  progressOf,
  published,
} from '../achievements/test-helpers';
import { recordInstanceCleared } from './instance-cleared';

const db = testDb();
afterAll(() => db.$disconnect());
const deps = { db };

const eventsOf = (key: string) =>
  db.outboxEvent.findMany({ where: { key }, select: { type: true, payload: true } });

describe('recordInstanceCleared', () => {
  it('publishes raid.cleared once per raid instance, naming the raid and its members', async () => {
    const instanceId = `raid-quantum-reef--${randomUUID()}`;
    const [a, b] = [randomUUID(), randomUUID()];
    const input = {
      kind: 'raid' as const,
      instanceId,
      templateId: 'raid-quantum-reef',
      characterIds: [b, a, b],
    };
    expect(await recordInstanceCleared(deps, input)).toBe(true);
    expect(await recordInstanceCleared(deps, { ...input, characterIds: [a] })).toBe(false);
    expect(await eventsOf(`raid.cleared:${instanceId}`)).toEqual([
      {
        type: 'raid.cleared',
        payload: { instanceId, raidId: 'raid-quantum-reef', characterIds: [a, b].sort() },
      },
    ]);
    // no dungeon event for it
    expect(await eventsOf(`dungeon.cleared:${instanceId}`)).toEqual([]);
  });

  it('publishes dungeon.cleared once per dungeon instance', async () => {
    const instanceId = `dungeon-arasaka-vault--${randomUUID()}`;
    const a = randomUUID();
    const input = {
      kind: 'dungeon' as const,
      instanceId,
      templateId: 'dungeon-arasaka-vault',
      characterIds: [a],
    };
    expect(await recordInstanceCleared(deps, input)).toBe(true);
    expect(await recordInstanceCleared(deps, input)).toBe(false);
    expect(await eventsOf(`dungeon.cleared:${instanceId}`)).toEqual([
      {
        type: 'dungeon.cleared',
        payload: { instanceId, dungeonId: 'dungeon-arasaka-vault', characterIds: [a] },
      },
    ]);
    expect(await eventsOf(`raid.cleared:${instanceId}`)).toEqual([]);
  });

  it('is what the achievements subscriber credits: each raider once, even delivered twice', async () => {
    const [a, b, c] = await Promise.all([newPlayer(db), newPlayer(db), newPlayer(db)]);
    const instanceId = `raid-quantum-reef--${randomUUID()}`;
    await recordInstanceCleared(deps, {
      kind: 'raid',
      instanceId,
      templateId: 'raid-quantum-reef',
      characterIds: [a.characterId, b.characterId],
    });
    const events = await published(db, `raid.cleared:${instanceId}`);
    expect(events).toHaveLength(1);
    await deliverAll(db, [...events, ...events]);
    for (const p of [a, b]) {
      expect(await earnedIds(db, p.characterId)).toContain('ach_raid_first');
      expect((await progressOf(db, p.characterId, 'ach_raid_10'))?.progress).toBe(1);
    }
    expect(await earnedIds(db, c.characterId)).not.toContain('ach_raid_first');
  });

  it('refuses an unknown kind, nobody credited and an empty instance id', async () => {
    const instanceId = `raid-quantum-reef--${randomUUID()}`;
    const ok = { kind: 'raid', instanceId, templateId: 'raid-quantum-reef', characterIds: ['c'] };
    for (const bad of [
      { ...ok, kind: 'arena' },
      { ...ok, characterIds: [] },
      { ...ok, instanceId: '' },
    ])
      await expect(
        recordInstanceCleared(deps, bad as Parameters<typeof recordInstanceCleared>[1]),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await eventsOf(`raid.cleared:${instanceId}`)).toEqual([]);
  });
});
