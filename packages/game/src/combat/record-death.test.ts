import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { instanceZoneId } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { give, newPlayer } from '../inventory/test-helpers';
import { equipDirect } from '../progression/test-helpers';
import { openInstance } from '../instances/instance-membership';
import { deathDurabilityLoss, recordPlayerDeath } from './record-death';

const db = testDb(4);
afterAll(() => db.$disconnect());

const killer = { kind: 'npc', id: 'npc:watson-punks#0', name: 'Tyger Claws Punk' } as const;
const durabilityOf = async (id: string) =>
  (await db.item.findUniqueOrThrow({ where: { id } })).durability;

describe('recordPlayerDeath', () => {
  it('wears every equipped item by a share of its max (not below 0), saves health 0, publishes character.died', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const pistol = await equipDirect(db, p.characterId, 'pistol_unity', 'main_hand'); // max 100
    const jacket = await equipDirect(db, p.characterId, 'jacket_kevlar', 'body', 5); // max 120
    const spare = await give(db, p, 'pistol_unity'); // in the bag: untouched
    const deathKey = uniq('death-');

    const r = await recordPlayerDeath(deps, {
      characterId: p.characterId,
      zoneId: 'watson',
      x: 12.5,
      y: 40,
      killer,
      deathKey,
    });
    expect(deathDurabilityLoss(100)).toBe(10);
    expect(deathDurabilityLoss(120)).toBe(12);
    expect(r.duplicate).toBe(false);
    expect(r.items.toSorted((a, b) => a.maxDurability - b.maxDurability)).toEqual([
      { itemId: pistol.id, templateId: 'pistol_unity', durability: 90, maxDurability: 100 },
      { itemId: jacket.id, templateId: 'jacket_kevlar', durability: 0, maxDurability: 120 },
    ]);
    expect(await durabilityOf(pistol.id)).toBe(90);
    expect(await durabilityOf(jacket.id)).toBe(0);
    expect(await durabilityOf(spare)).toBe(100);
    expect(await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).toMatchObject({
      health: 0,
      zoneId: 'watson',
      x: 12.5,
      y: 40,
    });
    expect(await db.outboxEvent.findUnique({ where: { key: deathKey } })).toMatchObject({
      type: 'character.died',
      payload: { characterId: p.characterId, zoneId: 'watson', x: 12.5, y: 40, killer },
    });
  });

  it('penalises a death once: a retry with the same key changes nothing', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const pistol = await equipDirect(db, p.characterId, 'pistol_unity', 'main_hand');
    const input = {
      characterId: p.characterId,
      zoneId: 'watson',
      x: 1,
      y: 1,
      killer: null,
      deathKey: uniq('death-'),
    };
    await recordPlayerDeath(deps, input);
    expect(await recordPlayerDeath(deps, input)).toEqual({ duplicate: true, items: [] });
    expect(await durabilityOf(pistol.id)).toBe(90);
    await recordPlayerDeath(deps, { ...input, deathKey: uniq('death-') });
    expect(await durabilityOf(pistol.id)).toBe(80);
  });

  it('refuses a missing or deleted character and bad input', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    await db.character.update({ where: { id: p.characterId }, data: { deletedAt: new Date() } });
    const base = { zoneId: 'watson', x: 1, y: 1, killer: null, deathKey: uniq('death-') };
    await expectDomainError(
      recordPlayerDeath(deps, { ...base, characterId: p.characterId }),
      'NOT_FOUND',
    );
    await expectDomainError(recordPlayerDeath(deps, { ...base, characterId: 'nope' }), 'NOT_FOUND');
    await expectDomainError(
      recordPlayerDeath(deps, { ...base, characterId: p.characterId, deathKey: '' }),
      'VALIDATION',
    );
    expect(await db.outboxEvent.count({ where: { key: base.deathKey } })).toBe(0);
  });

  it('records a death inside an instance: the row keeps its open-world return point', async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    const pistol = await equipDirect(db, p.characterId, 'pistol_unity', 'main_hand');
    const before = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    const matchId = randomUUID();
    const zoneId = instanceZoneId('dungeon-arasaka-vault', matchId);
    await openInstance(deps, {
      zoneId,
      matchId,
      templateId: 'dungeon-arasaka-vault',
      kind: 'dungeon',
      hostId: 'sim-a',
      memberIds: [p.characterId],
    });
    const deathKey = uniq('death-');

    const r = await recordPlayerDeath(deps, {
      characterId: p.characterId,
      zoneId,
      x: 30,
      y: 12,
      killer,
      deathKey,
    });
    expect(r.duplicate).toBe(false);
    expect(await durabilityOf(pistol.id)).toBe(90);
    // the instance is no Zone row: the return point and the world's health stay
    expect(await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).toMatchObject({
      zoneId: before.zoneId,
      x: before.x,
      y: before.y,
      health: before.health,
      instanceId: zoneId,
    });
    // the event says where they fell
    expect(await db.outboxEvent.findUnique({ where: { key: deathKey } })).toMatchObject({
      type: 'character.died',
      payload: { characterId: p.characterId, zoneId, x: 30, y: 12, killer },
    });
  });
});
