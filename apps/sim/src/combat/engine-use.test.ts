import { describe, expect, it } from 'vitest';
import { GCD_MS, RANGE_TOLERANCE_M, TICK_MS, abilityById, type CombatEvent } from '@necp/shared';
import { LOT, combatKit, dummyTemplate } from '../testing/combat-kit';
import { MAX_REWIND_TICKS } from './position-history';

type Kit = ReturnType<typeof combatKit>;

/** A solo standing `gap` metres west of the dummy, in reach of its fists at 1 m. */
function soloNextToDummy(k: Kit, gap = 1, more = {}) {
  const { x, y } = k.dummy;
  return k.join('solo', x - gap, y, 'user-solo', { classId: 'solo', level: 3, ...more });
}

/** Events not yet handed to a snapshot (uses between ticks). */
const events = (k: Kit) => k.zone.combat.takeEvents();
/** Events the client was sent since the last call. */
const sentEvents = (conn: { take(): { ev?: CombatEvent[] }[] }) =>
  conn.take().flatMap((s) => s.ev ?? []);

describe('combat: using abilities', () => {
  it('a basic attack in reach goes off at once and hurts the dummy (or misses)', () => {
    const k = combatKit();
    const me = soloNextToDummy(k);
    const res = k.useAbility('solo', me.conn, { ability: 'solo_attack', target: k.dummy.eid });
    expect(res).toEqual({ ok: true, castMs: 0 });
    const [ev] = events(k);
    expect(ev).toMatchObject({ src: me.eid, dst: k.dummy.eid, ab: 'solo_attack' });
    if (ev?.k === 'hit') expect(k.dummy.health).toBe(500 - (ev.n ?? 0));
    else expect(ev?.k).toBe('miss');
  });

  it('routes the event and the new health into snapshots of those who see it', () => {
    const k = combatKit();
    const me = soloNextToDummy(k);
    const near = k.join('near', LOT.x + 5, LOT.y, 'user-near');
    const far = k.join('far', LOT.x + 100, LOT.y, 'user-far');
    k.step();
    for (const c of [me.conn, near.conn, far.conn]) c.take();
    let ev: CombatEvent | undefined;
    for (let i = 0; i < 10 && ev?.k !== 'hit'; i++) {
      k.clock.advance(GCD_MS);
      k.useAbility('solo', me.conn, { ability: 'solo_attack', target: k.dummy.eid });
      k.step();
      ev = [...me.conn.snapshots].flatMap((s) => s.ev ?? []).at(-1);
    }
    expect(ev?.k).toBe('hit');
    const mine = me.conn.take();
    const theirs = near.conn.take();
    for (const snaps of [mine, theirs]) {
      expect(snaps.flatMap((s) => s.ev ?? []).some((e) => e.k === 'hit')).toBe(true);
      expect(snaps.flatMap((s) => s.hp ?? []).at(-1)).toEqual([k.dummy.eid, k.dummy.health, 500]);
    }
    // the user's own state: the GCD started
    expect(mine.some((s) => s.self && s.self.gcd > 0)).toBe(true);
    expect(far.conn.take().flatMap((s) => s.ev ?? [])).toEqual([]);
  });

  it('refuses abilities of another class and abilities above the level', () => {
    const k = combatKit();
    const me = soloNextToDummy(k);
    const use = (ability: string) =>
      k.useAbility('solo', me.conn, { ability, target: k.dummy.eid });
    expect(use('netrunner_overheat')).toEqual({ ok: false, refusal: 'UNKNOWN_ABILITY' });
    expect(abilityById('solo_frag_grenade')?.level).toBeGreaterThan(3);
    expect(use('solo_frag_grenade')).toEqual({ ok: false, refusal: 'UNKNOWN_ABILITY' });
    expect(use('npc_attack')).toEqual({ ok: false, refusal: 'UNKNOWN_ABILITY' });
  });

  it('cooldown, GCD and resource refusals', () => {
    const k = combatKit();
    const me = soloNextToDummy(k);
    const use = (ability: string) =>
      k.useAbility('solo', me.conn, { ability, target: k.dummy.eid });
    const shot = abilityById('solo_power_shot');
    if (!shot) throw new Error('content');
    expect(use('solo_power_shot')).toEqual({ ok: true, castMs: 0 });
    expect(use('solo_power_shot')).toEqual({ ok: false, refusal: 'COOLDOWN' });
    expect(use('solo_attack')).toEqual({ ok: false, refusal: 'GCD' });
    // off-GCD abilities ignore it
    expect(k.useAbility('solo', me.conn, { ability: 'solo_defensive_stance' })).toEqual({
      ok: true,
      castMs: 0,
    });
    k.step(GCD_MS / TICK_MS);
    expect(use('solo_attack')).toMatchObject({ ok: true });
    k.step(shot.cooldownMs / TICK_MS);
    // out of resource
    const p = k.zone.player('solo');
    if (!p) throw new Error('joined');
    p.combat.resource = shot.cost - 1;
    expect(use('solo_power_shot')).toEqual({ ok: false, refusal: 'NO_RESOURCE' });
    p.combat.resource = shot.cost;
    expect(use('solo_power_shot')).toMatchObject({ ok: true });
    expect(p.combat.resource).toBe(0);
  });

  it('target checks: nobody, self, a friend, a corpse, out of range, behind a building', () => {
    const k = combatKit();
    const me = soloNextToDummy(k);
    const friend = k.join('friend', LOT.x - 2, LOT.y + 1, 'user-friend');
    const use = (target?: number, ability = 'solo_attack') =>
      k.useAbility('solo', me.conn, { ability, ...(target ? { target } : {}) });
    expect(use()).toEqual({ ok: false, refusal: 'INVALID_TARGET' });
    expect(use(99_999)).toEqual({ ok: false, refusal: 'INVALID_TARGET' });
    expect(use(me.eid)).toEqual({ ok: false, refusal: 'INVALID_TARGET' });
    expect(use(friend.eid)).toEqual({ ok: false, refusal: 'INVALID_TARGET' });

    k.place(k.dummy, k.dummy.x + 1.5 + RANGE_TOLERANCE_M, k.dummy.y);
    expect(use(k.dummy.eid)).toEqual({ ok: false, refusal: 'OUT_OF_RANGE' });

    // Megabuilding H10 (140..180 × 76..116) between the two: in range, out of sight
    const blocked = combatKit();
    const p = blocked.join('solo', 160, 70, 'user-solo', { classId: 'solo' });
    blocked.place(blocked.dummy, 160, 120);
    expect(
      blocked.useAbility('solo', p.conn, {
        ability: 'solo_power_shot',
        target: blocked.dummy.eid,
      }),
    ).toEqual({ ok: false, refusal: 'OUT_OF_RANGE' });
    blocked.place(blocked.dummy, 160, 92);
    // 22 m: within Power Shot's 25 m, but the building is in the way
    expect(
      blocked.useAbility('solo', p.conn, {
        ability: 'solo_power_shot',
        target: blocked.dummy.eid,
      }),
    ).toEqual({ ok: false, refusal: 'NO_LINE_OF_SIGHT' });
  });
});

describe('combat: lag compensation', () => {
  it('a target that just left reach is still hit at the recent view tick', () => {
    const k = combatKit();
    const me = soloNextToDummy(k, 1);
    k.step();
    const seenAt = k.zone.tick;
    // it steps out of fist reach on the next tick
    k.step();
    k.place(k.dummy, k.dummy.x + 3, k.dummy.y);
    k.step(2);
    const use = (viewTick?: number) =>
      k.useAbility('solo', me.conn, {
        ability: 'solo_attack',
        target: k.dummy.eid,
        ...(viewTick === undefined ? {} : { viewTick }),
      });
    expect(use()).toEqual({ ok: false, refusal: 'OUT_OF_RANGE' });
    expect(use(seenAt)).toEqual({ ok: true, castMs: 0 });
  });

  it('an ancient view tick is clamped to MAX_REWIND_MS and refused', () => {
    const k = combatKit();
    const me = soloNextToDummy(k, 1);
    k.step();
    const seenAt = k.zone.tick;
    k.step();
    k.place(k.dummy, k.dummy.x + 3, k.dummy.y);
    k.step(MAX_REWIND_TICKS + 2);
    expect(
      k.useAbility('solo', me.conn, {
        ability: 'solo_attack',
        target: k.dummy.eid,
        viewTick: seenAt,
      }),
    ).toEqual({ ok: false, refusal: 'OUT_OF_RANGE' });
  });

  it('a view tick in the future counts as now', () => {
    const k = combatKit();
    const me = soloNextToDummy(k, 1);
    k.step();
    k.place(k.dummy, k.dummy.x + 3, k.dummy.y);
    expect(
      k.useAbility('solo', me.conn, {
        ability: 'solo_attack',
        target: k.dummy.eid,
        viewTick: k.zone.tick + 1000,
      }),
    ).toEqual({ ok: false, refusal: 'OUT_OF_RANGE' });
  });
});

describe('combat: casts', () => {
  const medtech = (k: Kit) =>
    k.join('med', LOT.x - 10, LOT.y, 'user-med', {
      classId: 'medtech',
      level: 5,
      health: 40,
      maxHealth: 100,
    });

  it('a cast completes after castMs and then goes off (cooldown and cost spent then)', () => {
    const k = combatKit();
    const me = medtech(k);
    const surge = abilityById('medtech_trauma_surge');
    if (!surge) throw new Error('content');
    expect(k.useAbility('med', me.conn, { ability: surge.id })).toEqual({
      ok: true,
      castMs: surge.castMs,
    });
    expect(events(k)).toEqual([
      { k: 'cast', src: me.eid, dst: me.eid, ab: surge.id, ms: surge.castMs },
    ]);
    // casting blocks other abilities
    expect(k.useAbility('med', me.conn, { ability: 'medtech_nano_heal' })).toEqual({
      ok: false,
      refusal: 'CASTING',
    });
    const p = k.zone.player('med');
    k.step(surge.castMs / TICK_MS - 1);
    expect(sentEvents(me.conn).some((e) => e.k === 'heal')).toBe(false);
    const before = p?.health ?? 0;
    k.step();
    const heal = sentEvents(me.conn).find((e) => e.k === 'heal');
    expect(heal).toMatchObject({ src: me.eid, dst: me.eid, ab: surge.id });
    expect(heal?.n).toBeGreaterThan(0);
    expect(p?.health).toBe(before + (heal?.n ?? 0));
    expect(p?.combat.cooldowns.get(surge.id)).toBe(k.clock.ms() + surge.cooldownMs);
  });

  it('moving interrupts a cast: nothing is spent', () => {
    const k = combatKit();
    const me = medtech(k);
    const p = k.zone.player('med');
    expect(k.useAbility('med', me.conn, { ability: 'medtech_trauma_surge' })).toMatchObject({
      ok: true,
    });
    events(k);
    k.step();
    me.conn.take();
    k.move('med', me.conn, 1, 0);
    k.step();
    expect(sentEvents(me.conn)).toEqual([
      { k: 'interrupt', src: me.eid, dst: me.eid, ab: 'medtech_trauma_surge' },
    ]);
    k.step(40);
    expect(p?.combat.cast).toBeNull();
    expect(p?.combat.cooldowns.has('medtech_trauma_surge')).toBe(false);
    expect(p?.combat.resource).toBe(100);
  });

  it('combat:cancel stops the cast', () => {
    const k = combatKit();
    const me = medtech(k);
    k.useAbility('med', me.conn, { ability: 'medtech_trauma_surge' });
    expect(k.cancelCast('med', me.conn)).toBe(true);
    expect(k.cancelCast('med', me.conn)).toBe(false);
    expect(k.zone.player('med')?.combat.cast).toBeNull();
  });

  it('a cast whose target walked out of range fizzles', () => {
    // the dummy casts its short circuit (1 s, 22 m) at a player who walks away
    const netDummy = combatKit({
      template: dummyTemplate({ abilities: ['npc_attack', 'npc_short_circuit'] }),
    });
    const me = netDummy.join('runner', LOT.x - 20, LOT.y, 'user-r', { classId: 'netrunner' });
    expect(
      netDummy.zone.npcWorld.useAbility(netDummy.dummy.eid, 'npc_short_circuit', me.eid),
    ).toBeNull();
    for (let i = 0; i < 10; i++) {
      netDummy.move('runner', me.conn, -1, 0, TICK_MS);
      netDummy.step();
    }
    netDummy.step(20);
    const evs = sentEvents(me.conn);
    expect(evs.map((e) => e.k)).toEqual(['cast', 'interrupt']);
    expect(netDummy.zone.player('runner')?.combat.effects).toEqual([]);
  });
});

describe('combat: area abilities', () => {
  it('hit up to maxTargets enemies around the target, never friends; a level-up unlocks them', () => {
    const k = combatKit({ dummies: 7 });
    const me = k.join('solo', LOT.x - 8, LOT.y, 'user-solo', { classId: 'solo', level: 3 });
    const friend = k.join('friend', k.dummy.x, k.dummy.y + 0.5, 'user-friend');
    const grenade = abilityById('solo_frag_grenade');
    if (!grenade?.maxTargets) throw new Error('content');
    const use = () => k.useAbility('solo', me.conn, { ability: grenade.id, target: k.dummy.eid });
    expect(use()).toEqual({ ok: false, refusal: 'UNKNOWN_ABILITY' });
    k.setStats('solo', { speed: 6, health: 100, maxHealth: 100, level: grenade.level });
    expect(k.zone.player('solo')?.abilities).toContain(grenade.id);
    expect(use()).toEqual({ ok: true, castMs: 0 });
    const struck = events(k).filter(
      (e) => (e.k === 'hit' || e.k === 'miss') && e.ab === grenade.id,
    );
    expect(struck).toHaveLength(grenade.maxTargets);
    const ids = new Set(struck.map((e) => e.dst));
    expect(ids.size).toBe(grenade.maxTargets);
    expect(ids.has(k.dummy.eid)).toBe(true);
    expect(ids.has(friend.eid)).toBe(false);
    for (const id of ids) expect(k.dummies.some((d) => d.eid === id)).toBe(true);
  });
});
