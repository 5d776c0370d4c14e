import { afterAll, describe, expect, it } from 'vitest';
import { NPC_TEMPLATES_BY_ID, type NpcTemplate } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { awardKill } from '../combat/award-kill';
import { recordPlayerDeath } from '../combat/record-death';
import { newPlayer } from '../inventory/test-helpers';
import { createLootDrop } from '../loot/create-loot-drop';
import { pickupDrop } from '../loot/pickup-drop';
import { recordAreaEntered } from '../world/record-area-entered';
import { saveCharacterPositions } from '../world/save-positions';
import { claimZoneOwnership, isStaleZoneOwner, type ZoneFence } from './zone-ownership';

// A stale owner (a sim that lost its lease) writes with its old token: PostgreSQL
// refuses it and nothing changes; the current owner's writes go through.
const db = testDb(4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const BOSS = NPC_TEMPLATES_BY_ID.get('cyberpsycho_kabuki') as NpcTemplate; // guaranteed loot

/** A fencing zone id of its own (the row is all that matters), taken over from token 1 by 2. */
async function takenOver(): Promise<{ stale: ZoneFence; current: ZoneFence }> {
  const zoneId = uniq('fz');
  for (const token of [1, 2])
    await db.$transaction((tx) =>
      claimZoneOwnership(tx, { zoneId, token, ownerId: `sim-${token}` }),
    );
  return { stale: { zoneId, token: 1 }, current: { zoneId, token: 2 } };
}

const char = (id: string) => db.character.findUniqueOrThrow({ where: { id } });

describe('fenced zone writes', () => {
  it('a position flush skips the stale owner’s rows and writes the current owner’s and unfenced ones', async () => {
    const { stale, current } = await takenOver();
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => newPlayer(db)));
    if (!a || !b || !c) throw new Error('players');
    const before = await char(a.characterId);
    const written = await saveCharacterPositions(deps, [
      { characterId: a.characterId, zoneId: 'westbrook', x: 11, y: 12, health: 1, fence: stale },
      { characterId: b.characterId, zoneId: 'westbrook', x: 21, y: 22, fence: current },
      { characterId: c.characterId, zoneId: 'westbrook', x: 31, y: 32 },
    ]);
    expect(written.toSorted()).toEqual([b.characterId, c.characterId].toSorted());
    expect(await char(a.characterId)).toMatchObject({
      zoneId: before.zoneId,
      x: before.x,
      y: before.y,
      health: before.health,
    });
    expect(await char(b.characterId)).toMatchObject({ zoneId: 'westbrook', x: 21, y: 22 });
  });

  it('a kill award of the stale owner pays nothing and drops nothing; the current owner’s pays', async () => {
    const { stale, current } = await takenOver();
    const p = await newPlayer(db);
    const input = (fence: ZoneFence, killKey: string) => ({
      zoneId: 'westbrook',
      killKey,
      npc: { ...BOSS, templateId: BOSS.id, x: 100, y: 120 },
      contributors: [{ characterId: p.characterId, damage: 100 }],
      fence,
    });
    const staleKey = uniq('life-');
    const err = await expectDomainError(awardKill(deps, input(stale, staleKey)), 'CONFLICT');
    expect(isStaleZoneOwner(err)).toBe(true);
    expect((await char(p.characterId)).xp).toBe(0);
    expect(
      await db.outboxEvent.findUnique({ where: { key: `npc.killed:${staleKey}` } }),
    ).toBeNull();
    expect(await db.worldDrop.count({ where: { ownerCharacterId: p.characterId } })).toBe(0);

    const r = await awardKill(deps, input(current, uniq('life-')));
    expect(r.rewards).toHaveLength(1);
    expect((await char(p.characterId)).xp).toBeGreaterThan(0);
    expect(await db.worldDrop.count({ where: { ownerCharacterId: p.characterId } })).toBe(
      r.loot.drops.length,
    );
  });

  it('deaths, area entries, loot and pickups of the stale owner are refused and change nothing', async () => {
    const { stale, current } = await takenOver();
    const p = await newPlayer(db);
    const death = { characterId: p.characterId, zoneId: 'westbrook', x: 5, y: 5, killer: null };
    await expectDomainError(
      recordPlayerDeath(deps, { ...death, deathKey: uniq('d-'), fence: stale }),
      'CONFLICT',
    );
    expect((await char(p.characterId)).health).toBeGreaterThan(0);
    const area = { characterId: p.characterId, zoneId: 'watson', areaId: 'kabuki_market' };
    const areaKey = uniq('area-');
    await expectDomainError(
      recordAreaEntered(deps, { ...area, key: areaKey, fence: stale }),
      'CONFLICT',
    );
    expect(await db.outboxEvent.findUnique({ where: { key: areaKey } })).toBeNull();

    const loot = { zoneId: 'westbrook', x: 50, y: 50, tableId: 'crate_watson_common', level: 1 };
    const owner = { ownerCharacterId: p.characterId };
    await expectDomainError(createLootDrop(deps, { ...loot, ...owner, fence: stale }), 'CONFLICT');
    let drop;
    // a roll may give nothing: roll until something lies on the ground
    for (let i = 0; i < 20 && !drop; i++)
      drop = (await createLootDrop(deps, { ...loot, ...owner, fence: current })).drops[0];
    if (!drop) throw new Error('the table kept rolling nothing');
    await expectDomainError(
      pickupDrop(deps, { characterId: p.characterId, dropId: drop.id, fence: stale }),
      'CONFLICT',
    );
    expect(await db.worldDrop.findUnique({ where: { id: drop.id } })).not.toBeNull();
    await pickupDrop(deps, { characterId: p.characterId, dropId: drop.id, fence: current });
    expect(await db.worldDrop.findUnique({ where: { id: drop.id } })).toBeNull();
  });
});
