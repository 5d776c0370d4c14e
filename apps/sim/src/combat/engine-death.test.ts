import { describe, expect, it } from 'vitest';
import {
  AUTO_RESPAWN_MS,
  GCD_MS,
  RESPAWN_DELAY_MS,
  RESPAWN_HEALTH_PCT,
  TICK_MS,
  toCm,
  zoneById,
} from '@necp/shared';
import { LOT, combatKit, dummyTemplate } from '../testing/combat-kit';
import { NOT_DEAD, RESPAWN_TOO_SOON, YOU_ARE_DEAD } from '../net/refusals';

type Kit = ReturnType<typeof combatKit>;

const medCenter = zoneById('watson')?.spawnPoints.find((s) => s.kind === 'medical_center');

/** The dummy attacks the player until it is dead. */
function killPlayer(k: Kit, characterId: string, eid: number) {
  for (let i = 0; i < 50 && !k.zone.isDead(characterId); i++) {
    k.zone.npcWorld.useAbility(k.dummy.eid, 'npc_attack', eid);
    k.step();
    k.clock.advance(GCD_MS);
  }
  expect(k.zone.isDead(characterId)).toBe(true);
}

describe('combat: player death', () => {
  it('a dead player is shown dead, cannot act or move, and is recorded once', () => {
    const k = combatKit();
    const me = k.join('solo', k.dummy.x - 1, k.dummy.y, 'user-solo', { health: 3 });
    const watcher = k.join('watcher', LOT.x + 6, LOT.y, 'user-w');
    k.step(); // both in view of each other first
    killPlayer(k, 'solo', me.eid);
    const p = k.zone.player('solo');
    expect(p?.health).toBe(0);
    expect(k.combat.deaths).toEqual([
      expect.objectContaining({
        characterId: 'solo',
        zoneId: 'watson',
        killer: { kind: 'npc', id: 'npc:lot-dummies#0', name: 'Training Dummy' },
      }),
    ]);
    const all = [...me.conn.snapshots, ...watcher.conn.snapshots];
    expect(all.flatMap((s) => s.ev ?? []).filter((e) => e.k === 'death')).toHaveLength(2);
    expect(me.conn.take().flatMap((s) => s.dead ?? [])).toEqual([[me.eid, true]]);
    expect(watcher.conn.take().flatMap((s) => s.dead ?? [])).toEqual([[me.eid, true]]);

    expect(k.useAbility('solo', me.conn, { ability: 'solo_attack', target: k.dummy.eid })).toEqual({
      ok: false,
      refusal: 'DEAD',
    });
    expect(k.move('solo', me.conn, 1, 0)).toEqual({ ok: false, refusal: YOU_ARE_DEAD });
    expect(k.zone.npcWorld.useAbility(k.dummy.eid, 'npc_attack', me.eid)).toBe('INVALID_TARGET');
  });

  it('respawns at the medical centre with part of its health, not before RESPAWN_DELAY_MS', () => {
    const k = combatKit();
    const me = k.join('solo', k.dummy.x - 1, k.dummy.y, 'user-solo', { health: 3 });
    killPlayer(k, 'solo', me.eid);
    expect(k.respawn('solo', me.conn)).toEqual({ ok: false, refusal: RESPAWN_TOO_SOON });
    me.conn.take();
    k.step(RESPAWN_DELAY_MS / TICK_MS);
    const res = k.respawn('solo', me.conn);
    const health = Math.ceil(100 * RESPAWN_HEALTH_PCT);
    expect(res).toEqual({
      ok: true,
      data: { x: toCm(medCenter?.x ?? -1), y: toCm(medCenter?.y ?? -1), health },
    });
    expect(k.respawn('solo', me.conn)).toEqual({ ok: false, refusal: NOT_DEAD });
    // saved at once, with the new health
    expect(k.sink.latest('solo')).toMatchObject({ x: medCenter?.x, y: medCenter?.y, health });
    k.step();
    const snaps = me.conn.take();
    expect(snaps.flatMap((s) => s.dead ?? [])).toEqual([[me.eid, false]]);
    expect(snaps.flatMap((s) => s.ev ?? [])).toContainEqual({
      k: 'respawn',
      src: me.eid,
      dst: me.eid,
    });
    expect(k.move('solo', me.conn, 1, 0)).toEqual({ ok: true });
  });

  it('is respawned automatically after AUTO_RESPAWN_MS', () => {
    const k = combatKit();
    const me = k.join('solo', k.dummy.x - 1, k.dummy.y, 'user-solo', { health: 3 });
    killPlayer(k, 'solo', me.eid);
    k.step(AUTO_RESPAWN_MS / TICK_MS);
    expect(k.zone.isDead('solo')).toBe(false);
    expect(k.zone.player('solo')).toMatchObject({ x: medCenter?.x, y: medCenter?.y });
  });

  it('a character saved dead comes back dead and can respawn after the delay', () => {
    const k = combatKit();
    const me = k.join('ghost', 300, 300, 'user-g', { health: 0 });
    expect(me.conn.welcomes[0]?.self).toMatchObject({ dead: true, health: 0 });
    expect(me.conn.welcomes[0]?.self.combat.dead).toEqual({
      canRespawnIn: RESPAWN_DELAY_MS,
      autoRespawnIn: AUTO_RESPAWN_MS,
    });
    k.step(RESPAWN_DELAY_MS / TICK_MS);
    expect(k.respawn('ghost', me.conn)).toMatchObject({ ok: true });
  });

  it('NPCs forget a dead player (it leaves their threat tables)', () => {
    const k = combatKit({
      npcAi: true,
      template: dummyTemplate({ behaviour: { aggroRange: 10, leashRange: 40 } }),
    });
    const me = k.join('solo', k.dummy.x - 1, k.dummy.y, 'user-solo', { health: 3 });
    for (let i = 0; i < 400 && !k.zone.isDead('solo'); i++) k.step();
    expect(k.zone.isDead('solo')).toBe(true);
    expect(k.dummy.threat.has(me.eid)).toBe(false);
  });
});

describe('combat: NPC death', () => {
  it('a kill is handed over once with its life id and the damage per character', () => {
    const k = combatKit({ template: dummyTemplate({ health: 12 }) });
    const me = k.join('solo', k.dummy.x - 1, k.dummy.y, 'user-solo', { classId: 'solo' });
    const helper = k.join('helper', k.dummy.x + 1, k.dummy.y, 'user-h', { classId: 'solo' });
    const lifeId = k.dummy.lifeId;
    for (let i = 0; i < 60 && !k.dummy.combat.dead; i++) {
      k.useAbility('solo', me.conn, { ability: 'solo_attack', target: k.dummy.eid });
      if (i % 3 === 0)
        k.useAbility('helper', helper.conn, { ability: 'solo_attack', target: k.dummy.eid });
      k.step();
      k.clock.advance(GCD_MS);
    }
    expect(k.dummy.combat.dead).toBe(true);
    expect(k.combat.kills).toHaveLength(1);
    const kill = k.combat.kills[0];
    expect(kill).toMatchObject({
      zoneId: 'watson',
      killKey: lifeId,
      npc: {
        templateId: 'training_dummy',
        level: 3,
        rank: 'normal',
        lootTable: 'thugs_street_low',
      },
    });
    const total = kill?.contributors.reduce((a, c) => a + c.damage, 0);
    expect(total).toBeGreaterThanOrEqual(12);
    expect(kill?.contributors.map((c) => c.characterId).sort()).toContain('solo');
    // who stood by the corpse (party members among them share it), from the tick, in id order
    expect(kill?.nearby).toEqual(['helper', 'solo']);
    // a corpse cannot be hit again, and stays a corpse until it respawns
    expect(k.useAbility('solo', me.conn, { ability: 'solo_attack', target: k.dummy.eid })).toEqual({
      ok: false,
      refusal: 'INVALID_TARGET',
    });
    expect(k.combat.kills).toHaveLength(1);
  });
});

describe('combat: idle traffic', () => {
  it('once a fight is over and everything has regenerated, nothing more is sent', () => {
    const k = combatKit();
    const me = k.join('solo', k.dummy.x - 1, k.dummy.y, 'user-solo', {
      classId: 'solo',
      health: 60,
    });
    k.useAbility('solo', me.conn, { ability: 'solo_power_shot', target: k.dummy.eid });
    // long enough for resource and health to refill and the bleed to end
    k.step(60_000 / TICK_MS);
    me.conn.take();
    k.step(40);
    expect(me.conn.take()).toEqual([]);
    expect(k.zone.player('solo')?.health).toBe(100);
  });
});
