import { describe, expect, it } from 'vitest';
import { BASE_MOVE_SPEED, GCD_MS, TICK_MS, effectById, type CombatEvent } from '@necp/shared';
import { LOT, combatKit, dummyTemplate } from '../testing/combat-kit';
import type { FakeConnection } from '../testing/fake-connection';
import type { Player } from '../zone/player';

type Kit = ReturnType<typeof combatKit>;
const sentEvents = (conn: FakeConnection) => conn.take().flatMap((s) => s.ev ?? []);

/** The dummy uses `ability` on the player until it lands (each try one GCD later). */
function npcLands(k: Kit, ability: string, targetEid: number, conn: FakeConnection): CombatEvent[] {
  for (let i = 0; i < 20; i++) {
    expect(k.zone.npcWorld.useAbility(k.dummy.eid, ability, targetEid)).toBeNull();
    k.step();
    const evs = sentEvents(conn);
    if (evs.some((e) => e.k === 'effect')) return evs;
    k.dummy.combat.cooldowns.clear();
    k.clock.advance(GCD_MS);
  }
  throw new Error(`${ability} never landed`);
}

describe('combat: effects', () => {
  it('a bleed ticks every second for its duration, then ends', () => {
    const k = combatKit();
    const me = k.join('solo', LOT.x - 10, LOT.y, 'user-solo', { classId: 'solo' });
    const bleed = effectById('bleed');
    if (!bleed?.tickMs) throw new Error('content');
    let applied = false;
    for (let i = 0; i < 20 && !applied; i++) {
      k.useAbility('solo', me.conn, { ability: 'solo_power_shot', target: k.dummy.eid });
      applied = k.dummy.combat.effects.some((e) => e.effect.id === 'bleed');
      if (!applied) {
        k.dummy.combat.cooldowns.clear();
        k.zone.player('solo')?.combat.cooldowns.clear();
        k.clock.advance(GCD_MS);
      }
    }
    expect(applied).toBe(true);
    const before = k.dummy.health;
    k.step(1);
    me.conn.take();
    k.step((bleed.durationMs + 1000) / TICK_MS);
    const ticks = sentEvents(me.conn).filter((e) => e.k === 'tick' && e.fx === 'bleed');
    expect(ticks).toHaveLength(bleed.durationMs / bleed.tickMs);
    for (const t of ticks) expect(t).toMatchObject({ src: me.eid, dst: k.dummy.eid });
    const total = ticks.reduce((a, t) => a + (t.n ?? 0), 0);
    expect(total).toBeGreaterThan(0);
    expect(k.dummy.health).toBe(before - total);
    expect(k.dummy.combat.effects).toEqual([]);
  });

  it('the effect list goes into snapshots when it changes, with ms left and stacks', () => {
    const k = combatKit({
      template: dummyTemplate({ abilities: ['npc_attack', 'npc_emp_burst'] }),
    });
    const me = k.join('solo', LOT.x - 5, LOT.y, 'user-solo', { classId: 'solo' });
    k.step();
    me.conn.take();
    // record what is sent while the EMP is tried until it lands
    const sent: FakeConnection['snapshots'] = [];
    const conn = {
      take: () => {
        const s = me.conn.take();
        sent.push(...s);
        return s;
      },
    };
    npcLands(k, 'npc_emp_burst', me.eid, conn as unknown as FakeConnection);
    const ms = effectById('emp_slow')?.durationMs ?? 0;
    expect(sent.flatMap((s) => s.fx ?? [])).toEqual([[me.eid, [['emp_slow', ms - TICK_MS, 1]]]]);
    // it wears off: an empty list is sent
    k.step(ms / TICK_MS);
    expect(me.conn.take().flatMap((s) => s.fx ?? [])).toEqual([[me.eid, []]]);
  });

  it('a slow makes the player walk slower', () => {
    const k = combatKit({
      template: dummyTemplate({ abilities: ['npc_attack', 'npc_emp_burst'] }),
    });
    const me = k.join('solo', LOT.x - 10, LOT.y, 'user-solo', { classId: 'solo' });
    npcLands(k, 'npc_emp_burst', me.eid, me.conn);
    const p = k.zone.player('solo');
    const x0 = p?.x ?? 0;
    k.move('solo', me.conn, -1, 0, TICK_MS);
    k.step();
    const slow = effectById('emp_slow')?.magnitude ?? 0;
    expect(slow).toBeGreaterThan(0);
    expect(x0 - (p?.x ?? 0)).toBeCloseTo(BASE_MOVE_SPEED * (1 - slow) * (TICK_MS / 1000), 6);
  });

  it('a stun stops movement and every ability, then wears off', () => {
    const k = combatKit({
      template: dummyTemplate({ abilities: ['npc_attack', 'npc_ground_slam'] }),
    });
    const me = k.join('solo', k.dummy.x - 1.5, k.dummy.y, 'user-solo', {
      classId: 'solo',
      health: 100,
    });
    const p = k.zone.player('solo');
    let stunned = false;
    for (let i = 0; i < 20 && !stunned; i++) {
      // ground slam: a 600 ms cast, then a stun on what it hits
      expect(k.zone.npcWorld.useAbility(k.dummy.eid, 'npc_ground_slam', me.eid)).toBeNull();
      k.step(600 / TICK_MS);
      stunned = p?.combat.effects.some((e) => e.effect.kind === 'stun') ?? false;
      k.dummy.combat.cooldowns.clear();
      if (!stunned) k.clock.advance(GCD_MS);
      if (p) (p as Player).health = p.maxHealth;
    }
    expect(stunned).toBe(true);
    expect(k.useAbility('solo', me.conn, { ability: 'solo_attack', target: k.dummy.eid })).toEqual({
      ok: false,
      refusal: 'STUNNED',
    });
    const x0 = p?.x;
    k.move('solo', me.conn, -1, 0, TICK_MS);
    k.step();
    expect(p?.x).toBe(x0);
    k.step((effectById('concussion')?.durationMs ?? 0) / TICK_MS);
    expect(p?.combat.effects.some((e) => e.effect.kind === 'stun')).toBe(false);
    k.clock.advance(GCD_MS);
    expect(
      k.useAbility('solo', me.conn, { ability: 'solo_attack', target: k.dummy.eid }),
    ).toMatchObject({ ok: true });
  });

  it('a silence blocks tech abilities only', () => {
    const k = combatKit({
      template: dummyTemplate({ abilities: ['npc_attack', 'npc_short_circuit'] }),
    });
    const me = k.join('net', LOT.x - 1, LOT.y, 'user-net', { classId: 'netrunner', level: 3 });
    const p = k.zone.player('net');
    let silenced = false;
    for (let i = 0; i < 20 && !silenced; i++) {
      expect(k.zone.npcWorld.useAbility(k.dummy.eid, 'npc_short_circuit', me.eid)).toBeNull();
      k.step(1000 / TICK_MS);
      silenced = p?.combat.effects.some((e) => e.effect.kind === 'silence') ?? false;
      k.dummy.combat.cooldowns.clear();
      if (!silenced) k.clock.advance(GCD_MS);
    }
    expect(silenced).toBe(true);
    k.clock.advance(GCD_MS);
    expect(
      k.useAbility('net', me.conn, { ability: 'netrunner_overheat', target: k.dummy.eid }),
    ).toEqual({ ok: false, refusal: 'SILENCED' });
    expect(
      k.useAbility('net', me.conn, { ability: 'netrunner_attack', target: k.dummy.eid }),
    ).toMatchObject({ ok: true });
  });

  it('a stun interrupts a cast in progress', () => {
    const k = combatKit({
      template: dummyTemplate({ abilities: ['npc_attack', 'npc_ground_slam'] }),
    });
    const me = k.join('med', LOT.x - 2, LOT.y, 'user-med', {
      classId: 'medtech',
      level: 5,
      health: 100,
    });
    const p = k.zone.player('med');
    let interrupted = false;
    for (let i = 0; i < 20 && !interrupted; i++) {
      k.useAbility('med', me.conn, { ability: 'medtech_trauma_surge' });
      expect(k.zone.npcWorld.useAbility(k.dummy.eid, 'npc_ground_slam', me.eid)).toBeNull();
      // the slam lands (600 ms) before the surge (1.5 s) completes
      k.step(600 / TICK_MS);
      interrupted = sentEvents(me.conn).some((e) => e.k === 'interrupt' && e.src === me.eid);
      k.step(3000 / TICK_MS);
      k.dummy.combat.cooldowns.clear();
      p?.combat.cooldowns.clear();
      if (p) (p as Player).health = p.maxHealth;
    }
    expect(interrupted).toBe(true);
  });
});
