import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GCD_MS, RESPAWN_DELAY_MS, RESPAWN_HEALTH_PCT, TICK_MS, type Vec2 } from '@necp/shared';
import type { AwardKillInput } from '@necp/game';
import type { DbCombatSink } from '../outcomes/db-combat-sink';
import type { Npc } from '../npc/npc';
import type { TestClient } from '../testing/test-client';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';
import type { Player } from '../zone/player';
import { COMBAT_LIMIT } from '../session/connect';

const db = testDb();
let sim: TestSim;
let sink: DbCombatSink;
beforeEach(async () => {
  sim = await bootTestSim(db);
  const s = sim.server.combat.get('watson');
  if (!s) throw new Error('no combat sink for watson');
  sink = s;
});
afterEach(() => sim.close());
afterAll(() => db.$disconnect());

/** The first NPC of a Watson spawn area. */
function npcOf(spawnId: string): Npc {
  const npc = [...sim.watson.npcs.npcs()].find((n) => n.spawnId === spawnId);
  if (!npc) throw new Error(`no npc in ${spawnId}`);
  return npc;
}

/** The zone's own (mutable) player, for setting up a situation. */
const playerIn = (characterId: string) => sim.watson.player(characterId) as Player;

/** A new character at `at` with a connected client. */
async function joinAt(at: Vec2) {
  const p = await createPlayerAt(db, at.x, at.y);
  const { client, welcome } = await sim.join(p);
  return { ...p, client, eid: welcome.self.eid };
}

const use = (client: TestClient, payload: unknown) => client.command('combat:use', payload);

describe('combat:use over the socket', () => {
  it('welcomes with the class, its ability bar and the combat state', async () => {
    const me = await joinAt({ x: 30, y: 110 });
    const { welcome } = await sim.join(me);
    expect(welcome.self).toMatchObject({
      classId: 'solo',
      abilities: ['solo_attack', 'solo_power_shot', 'solo_defensive_stance'],
      combat: { resource: 100, maxResource: 100, gcd: 0, cd: {}, cast: null, dead: null },
    });
  });

  it('refuses range and cooldown cheats, unknown abilities and garbage', async () => {
    const punk = npcOf('watson-punks-plaza');
    const far = await joinAt({ x: punk.x, y: punk.y - 40 });
    expect(await use(far.client, { ability: 'solo_power_shot', target: punk.eid })).toEqual({
      ok: false,
      error: { code: 'OUT_OF_RANGE', message: expect.any(String) },
    });
    // claiming to have seen it long ago does not help: the rewind is bounded
    expect(
      await use(far.client, { ability: 'solo_power_shot', target: punk.eid, viewTick: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'OUT_OF_RANGE' } });

    const near = await joinAt({ x: punk.x, y: punk.y - 20 });
    expect(await use(near.client, { ability: 'solo_power_shot', target: punk.eid })).toEqual({
      ok: true,
      data: { ability: 'solo_power_shot', castMs: 0 },
    });
    expect(await use(near.client, { ability: 'solo_power_shot', target: punk.eid })).toMatchObject({
      ok: false,
      error: { code: 'COOLDOWN' },
    });
    expect(await use(near.client, { ability: 'solo_attack', target: punk.eid })).toMatchObject({
      ok: false,
      error: { code: 'GCD' },
    });
    sim.clock.advance(GCD_MS);
    // fists reach 1.5 m, not 20
    expect(await use(near.client, { ability: 'solo_attack', target: punk.eid })).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_RANGE' },
    });
    expect(
      await use(near.client, { ability: 'netrunner_overheat', target: punk.eid }),
    ).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ABILITY' } });
    expect(await use(near.client, { ability: 'solo_attack', target: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // the hit (or miss) reached the client in the next snapshot
    sim.step();
    await near.client.sync();
    const evs = near.client.take('zone:snapshot').flatMap((s) => s.ev ?? []);
    expect(
      evs.some((e) => e.src === near.eid && e.dst === punk.eid && e.ab === 'solo_power_shot'),
    ).toBe(true);
  });

  it('rate-limits combat commands per socket', async () => {
    const me = await joinAt({ x: 30, y: 110 });
    const codes: string[] = [];
    for (let i = 0; i < COMBAT_LIMIT.limit + 1; i++) {
      const res = await use(me.client, { ability: 'solo_defensive_stance' });
      codes.push(res.ok ? 'ok' : res.error.code);
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(1);
  });
});

describe('kills', () => {
  it('a kill awards XP (and a level-up), drops loot, and publishes npc.killed exactly once', async () => {
    const enforcer = npcOf('watson-enforcers');
    const me = await joinAt({ x: enforcer.x - 20, y: enforcer.y });
    const lifeId = enforcer.lifeId;
    enforcer.health = 1;
    for (let i = 0; i < 10 && !enforcer.combat.dead; i++) {
      const res = await use(me.client, { ability: 'solo_power_shot', target: enforcer.eid });
      expect(res.ok).toBe(true);
      // a miss: try again at once
      playerIn(me.characterId).combat.cooldowns.clear();
      playerIn(me.characterId).combat.gcdUntil = 0;
    }
    expect(enforcer.combat.dead).toBe(true);
    await sink.drain();

    const xp = await me.client.next('progress:xp');
    expect(xp).toMatchObject({ source: 'Maelstrom Enforcer', levelsGained: expect.any(Number) });
    expect(xp.xpGained).toBeGreaterThan(0);
    const row = await db.character.findUniqueOrThrow({ where: { id: me.characterId } });
    expect(row.xp).toBe(xp.xp);
    expect(row.level).toBe(xp.level);
    // an elite eleven levels up is worth a level-up: health restored, maximum raised
    expect(xp.levelsGained).toBeGreaterThan(0);
    await me.client.sync();
    const stats = me.client.take('char:stats').at(-1);
    expect(stats).toMatchObject({ level: xp.level, health: stats?.maxHealth });
    expect(playerIn(me.characterId)).toMatchObject({ level: xp.level, health: stats?.maxHealth });

    const drops = await db.worldDrop.findMany({ where: { ownerCharacterId: me.characterId } });
    expect(drops.length).toBeGreaterThan(0);
    sim.step();
    await me.client.sync();
    const shown = me.client
      .take('zone:snapshot')
      .flatMap((s) => s.add)
      .filter((e) => e.kind === 'drop' && e.ownerCharacterId === me.characterId);
    expect(shown.length).toBe(drops.length);

    const killed = () => db.outboxEvent.count({ where: { key: `npc.killed:${lifeId}` } });
    expect(await killed()).toBe(1);
    // a retried award of the same life (its reply lost) pays nothing and writes nothing
    const again: AwardKillInput = {
      zoneId: 'watson',
      killKey: lifeId,
      npc: {
        templateId: enforcer.template.id,
        name: enforcer.template.name,
        level: enforcer.level,
        rank: enforcer.template.rank,
        lootTable: enforcer.template.lootTable,
        x: enforcer.x,
        y: enforcer.y,
      },
      contributors: [{ characterId: me.characterId, damage: 100 }],
    };
    expect((await sink.rewards.award(again)).duplicate).toBe(true);
    expect(await killed()).toBe(1);
    const after = await db.character.findUniqueOrThrow({ where: { id: me.characterId } });
    expect(after.xp).toBe(row.xp);
    expect(await db.worldDrop.count({ where: { ownerCharacterId: me.characterId } })).toBe(
      drops.length,
    );
    // the fight went into the combat log
    const log = await db.combatLogEntry.findMany({ where: { sourceId: me.characterId } });
    expect(log.some((r) => r.kind === 'hit' && r.targetId === 'npc:watson-enforcers#0')).toBe(true);
  });
});

describe('death', () => {
  it('a dead player cannot act; it respawns at the medical centre; the death is recorded once', async () => {
    const me = await joinAt({ x: 30, y: 110 });
    const punk = npcOf('watson-punks-west');
    sim.watson.npcWorld.placeNpc(punk.eid, { x: 31, y: 110 });
    playerIn(me.characterId).health = 1;
    for (let i = 0; i < 30 && !sim.watson.isDead(me.characterId); i++) {
      punk.combat.gcdUntil = 0;
      sim.watson.npcWorld.useAbility(punk.eid, 'npc_attack', me.eid);
    }
    expect(sim.watson.isDead(me.characterId)).toBe(true);
    await sink.drain();

    const dead = { ok: false, error: { code: 'DEAD', message: expect.any(String) } };
    expect(await use(me.client, { ability: 'solo_defensive_stance' })).toEqual(dead);
    expect(await me.client.move({ seq: 1, dx: 1, dy: 0, ms: 50 })).toEqual(dead);
    expect(await me.client.command('loot:pickup', { eid: 1 })).toEqual(dead);
    expect(await me.client.command('crate:open', { eid: 1 })).toEqual(dead);
    expect(await me.client.command('inventory:drop', { itemId: 'anything' })).toEqual(dead);
    expect(await me.client.command('combat:respawn', {})).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });

    const deaths = await db.outboxEvent.findMany({
      where: { type: 'character.died', key: { startsWith: `character.died:${me.characterId}:` } },
    });
    expect(deaths).toHaveLength(1);
    expect((await db.character.findUniqueOrThrow({ where: { id: me.characterId } })).health).toBe(
      0,
    );

    sim.step(RESPAWN_DELAY_MS / TICK_MS);
    const res = await me.client.command('combat:respawn', {});
    const maxHealth = playerIn(me.characterId).maxHealth;
    expect(res).toEqual({
      ok: true,
      data: { x: 9600, y: 9600, health: Math.ceil(maxHealth * RESPAWN_HEALTH_PCT) },
    });
    await sim.watson.flushDirty();
    const saved = await db.character.findUniqueOrThrow({ where: { id: me.characterId } });
    expect(saved).toMatchObject({
      x: 96,
      y: 96,
      health: Math.ceil(maxHealth * RESPAWN_HEALTH_PCT),
    });
    expect(await use(me.client, { ability: 'solo_defensive_stance' })).toMatchObject({ ok: true });
  });
});

describe('leash', () => {
  it('an NPC pulled away from home runs back and resets to full health', async () => {
    const punk = npcOf('watson-punks-plaza');
    const home = { ...punk.home };
    const me = await joinAt({ x: punk.x, y: punk.y - 15 });
    for (let i = 0; i < 10 && punk.threat.size === 0; i++) {
      await use(me.client, { ability: 'solo_power_shot', target: punk.eid });
      playerIn(me.characterId).combat.cooldowns.clear();
      playerIn(me.characterId).combat.gcdUntil = 0;
    }
    expect(punk.threat.has(me.eid)).toBe(true);
    // badly hurt (and no bleed to finish it): regeneration alone would take far longer
    punk.health = 25;
    punk.combat.effects = [];
    let seq = 0;
    // run east along Kabuki Boulevard, faster than it chases, until it gives up
    for (let i = 0; i < 400 && punk.ai.state !== 'leash'; i++) {
      await me.client.move({ seq: ++seq, dx: 1, dy: 0, ms: TICK_MS });
      sim.step();
    }
    expect(punk.ai.state).toBe('leash');
    for (let i = 0; i < 400 && punk.ai.state === 'leash'; i++) sim.step();
    expect(punk.ai.state).not.toBe('leash');
    expect(Math.hypot(punk.x - home.x, punk.y - home.y)).toBeLessThan(2);
    expect(punk.health).toBe(punk.maxHealth);
    expect(punk.threat.size).toBe(0);
  });
});
