/**
 * Boss encounters in a real zone (FakeClock, NPC AI on): telegraphs, impacts
 * through the combat engine, phases, and the same fight under the same seed.
 */
import { describe, expect, it } from 'vitest';
import {
  NpcTemplateSchema,
  NPC_TEMPLATE_INPUTS,
  TICK_MS,
  insideTelegraph,
  npcTemplateById,
  zoneById,
  type BossBlock,
  type CombatEvent,
  type NpcTemplate,
  type TelegraphArea,
} from '@necp/shared';
import { zoneKit } from '../testing/zone-kit';
import type { Npc } from './npc';

const BX = 300;
const BY = 300;

/** The shipped Reef Warden with a boss block of the test's own (fixed shapes and timings). */
function testBoss(boss: BossBlock | undefined): NpcTemplate {
  const warden = NPC_TEMPLATE_INPUTS.find((n) => n.id === 'reef_warden');
  return NpcTemplateSchema.parse({ ...warden, id: 'test_warden', boss });
}

const SLAM = {
  id: 'test_slam',
  name: 'Test Slam',
  shape: 'circle',
  aim: 'target',
  radius: 3,
  windupMs: 2000,
  damageMin: 40,
  damageMax: 40,
  damageType: 'physical',
  cooldownMs: 6000,
} as const;
const SWEEP = {
  id: 'test_sweep',
  name: 'Test Sweep',
  shape: 'line',
  aim: 'target',
  radius: 2,
  length: 20,
  windupMs: 2000,
  damageMin: 60,
  damageMax: 60,
  damageType: 'chemical',
  cooldownMs: 6000,
} as const;
const BLOCK = {
  attacks: [SLAM, SWEEP],
  phases: [
    { belowHealth: 1, announce: 'one', attacks: ['test_slam'], gapMs: 500, windupFactor: 1 },
    { belowHealth: 0.5, announce: 'two', attacks: ['test_sweep'], gapMs: 500, windupFactor: 0.5 },
  ],
} satisfies BossBlock;

/** A Watson without buildings or named areas, the boss alone at (BX, BY). */
function vault(opts: { seed?: number; template?: NpcTemplate } = {}) {
  const watson = zoneById('watson');
  if (!watson) throw new Error('watson content missing');
  const template = opts.template ?? testBoss(BLOCK);
  const k = zoneKit({
    content: {
      ...watson,
      obstacles: [],
      areas: [],
      npcSpawns: [{ id: 'vault', templateId: template.id, x: BX, y: BY, radius: 0.01, count: 1 }],
    },
    npcs: true,
    seed: opts.seed ?? 7,
    snapshotEvery: 1,
    npcTemplates: (id) => (id === template.id ? template : undefined),
  });
  const boss = [...k.zone.npcs.npcs()][0] as Npc;
  const tough = { level: 15, health: 5000, maxHealth: 5000 };
  /** every combat event one player's client received, with the tick time it arrived at */
  const seen: (CombatEvent & { at: number })[] = [];
  const watch = (conn: { take(): { ev?: CombatEvent[] }[] }) => () => {
    for (const s of conn.take()) for (const e of s.ev ?? []) seen.push({ ...e, at: k.clock.ms() });
  };
  let collect: (() => void) | null = null;
  return {
    k,
    boss,
    seen,
    join(id: string, x: number, y: number, more: Partial<typeof tough> = tough) {
      const j = k.join(id, x, y, `user-${id}`, more);
      // events are read from the first player's client (it sees the boss and everyone near)
      collect ??= watch(j.conn);
      return j;
    },
    /** steps `n` ticks, running `each` before every step (moves), collecting events */
    step(n: number, each?: () => void) {
      for (let i = 0; i < n; i++) {
        each?.();
        k.step();
        collect?.();
      }
    },
    /** steps until an event matches (at most `max` ticks) and returns it */
    until(match: (e: CombatEvent) => boolean, each?: () => void, max = 1200) {
      for (let i = 0; i < max; i++) {
        const from = seen.length;
        this.step(1, each);
        const e = seen.slice(from).find(match);
        if (e) return e;
      }
      throw new Error('event not seen');
    },
  };
}

const area = (e: CombatEvent) => e as unknown as TelegraphArea;

describe('boss encounters', () => {
  it('announces a telegraph (area, aim, wind-up) before it lands, and lands it at the announced time', () => {
    const v = vault();
    const tank = v.join('tank', BX + 8, BY);
    const tg = v.until((e) => e.k === 'telegraph');
    expect(tg).toMatchObject({ src: v.boss.eid, dst: tank.eid, ab: 'test_slam', ms: 2000 });
    expect(tg).toMatchObject({ shape: 'circle', r: 3 });
    // nothing of the slam has landed yet
    expect(v.seen.filter((e) => e.k === 'hit' && e.ab === 'test_slam')).toEqual([]);
    const hit = v.until((e) => e.k === 'hit' && e.ab === 'test_slam');
    expect(hit.at - tg.at).toBeGreaterThanOrEqual(2000);
    expect(hit.at - tg.at).toBeLessThan(2000 + TICK_MS);
    expect(hit).toMatchObject({ src: v.boss.eid, dst: tank.eid });
  });

  it('hits who stays inside and spares who stepped out before the impact', () => {
    const v = vault();
    const tank = v.join('tank', BX + 8, BY);
    const runner = v.join('runner', BX + 8, BY + 1);
    const tg = v.until((e) => e.k === 'telegraph');
    const a = area(tg);
    const runnerP = () => v.k.zone.npcWorld.player(runner.eid)!;
    expect(insideTelegraph(a, runnerP())).toBe(true);
    const before = { tank: v.k.zone.npcWorld.player(tank.eid)!, runner: runnerP() };
    expect(before.tank).toBeDefined();
    // the runner walks away (+y) until the slam lands; the tank stands still
    v.until(
      (e) => e.k === 'hit' && e.ab === 'test_slam',
      () => v.k.move('runner', runner.conn, 0, 1),
    );
    expect(insideTelegraph(a, runnerP())).toBe(false);
    const slams = v.seen.filter((e) => e.k === 'hit' && e.ab === 'test_slam');
    expect(slams.map((e) => e.dst)).toEqual([tank.eid]);
    expect(slams[0]!.n).toBeGreaterThan(0);
    // recorded like any hit: the combat log names the attack and the boss
    const row = v.k.combat.rows.find((r) => r.abilityId === 'test_slam');
    expect(row).toMatchObject({ kind: 'hit', targetKind: 'player', amount: slams[0]!.n });
  });

  it('kills through the ordinary resolution (a death event and the player death recorded), then resets', () => {
    const v = vault();
    const tank = v.join('tank', BX + 8, BY, { level: 15, health: 20, maxHealth: 5000 });
    v.until((e) => e.k === 'telegraph');
    const death = v.until((e) => e.k === 'death' && e.dst === tank.eid);
    expect(death.src).toBe(v.boss.eid);
    expect(v.k.zone.isDead('tank')).toBe(true);
    expect(v.k.combat.deaths.map((d) => d.characterId)).toEqual(['tank']);
    // nobody left to fight: it goes home and the encounter starts over next time
    v.step(20 * 5);
    expect(['leash', 'idle']).toContain(v.boss.ai.state);
    expect(v.boss.boss).toBeUndefined();
  });

  it('enters phase 2 once, below the threshold only; the phase-2 attack appears only then, casting faster', () => {
    const v = vault();
    v.join('tank', BX + 8, BY);
    v.step(20 * 15); // 15 s of phase 1
    const phase1 = v.seen.filter((e) => e.k === 'telegraph');
    expect(phase1.length).toBeGreaterThanOrEqual(2);
    expect(new Set(phase1.map((e) => e.ab))).toEqual(new Set(['test_slam']));

    v.boss.health = v.boss.maxHealth * 0.5; // at the threshold: not below it
    v.step(20);
    expect(v.seen.filter((e) => e.k === 'phase')).toEqual([]);

    const from = v.seen.length;
    v.boss.health = v.boss.maxHealth * 0.5 - 1;
    const phase = v.until((e) => e.k === 'phase');
    expect(phase).toMatchObject({ src: v.boss.eid, n: 1 });
    v.boss.health = v.boss.maxHealth * 0.2;
    v.step(20 * 15);
    const after = v.seen.slice(from);
    expect(after.filter((e) => e.k === 'phase')).toHaveLength(1);
    const sweeps = after.filter((e) => e.k === 'telegraph' && e.ab === 'test_sweep');
    expect(sweeps.length).toBeGreaterThanOrEqual(2);
    expect(sweeps[0]).toMatchObject({ shape: 'line', len: 20, r: 2, ms: 1000 }); // windupFactor 0.5
    // announced after the phase change only (a slam already winding up may still land)
    const phaseAt = phase.at;
    expect(v.seen.filter((e) => e.ab === 'test_sweep' && e.at < phaseAt)).toEqual([]);
    expect(after.filter((e) => e.k === 'telegraph' && e.ab === 'test_slam')).toEqual([]);
  });

  it('calls off a telegraph still winding up when the boss dies, and forgets its phase', () => {
    const v = vault();
    v.join('tank', BX + 8, BY);
    const tg = v.until((e) => e.k === 'telegraph');
    v.boss.health = v.boss.maxHealth * 0.4;
    v.step(1);
    expect(v.boss.boss?.phase).toBe(1);
    // the boss dies (by the engine: as a player's kill would)
    v.boss.health = 0;
    v.boss.combat.dead = true;
    v.step(1);
    const off = v.seen.find((e) => e.k === 'interrupt' && e.src === v.boss.eid);
    expect(off?.ab).toBe(tg.ab);
    expect(v.boss.boss).toBeUndefined();
    v.step(60);
    expect(v.seen.filter((e) => e.k === 'hit' && e.ab === tg.ab && e.at > tg.at + 2000)).toEqual(
      [],
    );
  });

  it('the same seed and the same inputs give the same fight (shipped Reef Warden, both phases)', () => {
    const fight = () => {
      const warden = npcTemplateById('reef_warden');
      const v = vault({ seed: 99, template: warden });
      const a = v.join('a', BX + 8, BY);
      const b = v.join('b', BX + 10, BY + 3);
      let t = 0;
      const wander = () => {
        t++;
        v.k.move('b', b.conn, Math.sin(t / 15), Math.cos(t / 15));
      };
      v.step(20 * 20, wander);
      v.boss.health = Math.floor(v.boss.maxHealth * 0.45);
      v.step(20 * 30, wander);
      return {
        events: v.seen.filter((e) => ['telegraph', 'phase', 'hit', 'interrupt'].includes(e.k)),
        // the state hash would differ by the fake connections' ids: compare what the fight decides
        state: {
          boss: { x: v.boss.x, y: v.boss.y, health: v.boss.health, encounter: v.boss.boss },
          players: [a.eid, b.eid].map((eid) => v.k.zone.npcWorld.player(eid)),
          health: ['a', 'b'].map((id) => v.k.zone.player(id)?.health),
        },
        a: a.eid,
      };
    };
    const one = fight();
    const two = fight();
    expect(one.events.filter((e) => e.k === 'telegraph').length).toBeGreaterThanOrEqual(4);
    expect(one.events.some((e) => e.k === 'telegraph' && e.ab === 'warden_coolant_sweep')).toBe(
      true,
    );
    expect(one.events.filter((e) => e.k === 'phase')).toHaveLength(1);
    expect(two.events).toEqual(one.events);
    expect(two.state).toEqual(one.state);
  });
});
