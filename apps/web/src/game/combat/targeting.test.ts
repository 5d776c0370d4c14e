import { describe, expect, it } from 'vitest';
import { TAB_TARGET_RANGE_M, entityAt, nextTabTarget, type Targetable } from './targeting';

const npc = (eid: number, x: number, y: number, p: Partial<Targetable> = {}): Targetable => ({
  eid,
  kind: 'npc',
  x,
  y,
  dead: false,
  hostile: true,
  ...p,
});
const me = { x: 0, y: 0 };

describe('Tab targeting', () => {
  const list = [npc(1, 30, 0), npc(2, 5, 0), npc(3, 0, 12), npc(4, 2, 0, { dead: true })];

  it('starts with the nearest living hostile NPC', () => {
    expect(nextTabTarget(list, me, null)).toBe(2);
  });

  it('cycles outwards by distance and wraps around', () => {
    expect(nextTabTarget(list, me, 2)).toBe(3);
    expect(nextTabTarget(list, me, 3)).toBe(1);
    expect(nextTabTarget(list, me, 1)).toBe(2);
  });

  it('skips corpses, neutral NPCs and players', () => {
    const mixed = [
      npc(1, 1, 0, { hostile: false }),
      npc(2, 2, 0, { dead: true }),
      { ...npc(3, 3, 0), kind: 'player' as const, hostile: false },
      npc(4, 9, 0),
    ];
    expect(nextTabTarget(mixed, me, null)).toBe(4);
    expect(nextTabTarget(mixed, me, 4)).toBe(4);
  });

  it('starts over from the nearest when the current target is not a candidate', () => {
    expect(nextTabTarget(list, me, 4)).toBe(2);
    expect(nextTabTarget(list, me, 99)).toBe(2);
  });

  it('has nothing to offer without hostiles', () => {
    expect(nextTabTarget([], me, null)).toBeNull();
    expect(nextTabTarget([npc(1, 1, 1, { hostile: false })], me, 1)).toBeNull();
  });

  it('orders by distance from where you are now', () => {
    expect(nextTabTarget(list, { x: 30, y: 0 }, null)).toBe(1);
  });

  it('reaches no farther than 30 m: an enemy 46 m away is never picked', () => {
    expect(TAB_TARGET_RANGE_M).toBe(30);
    expect(nextTabTarget([npc(1, 46, 0)], me, null)).toBeNull();
    const mixed = [npc(1, 46, 0), npc(2, 0, 29.5), npc(3, 31, 0)];
    expect(nextTabTarget(mixed, me, null)).toBe(2);
    // cycling stays inside the reach
    expect(nextTabTarget(mixed, me, 2)).toBe(2);
    // the reach can be given (an ability's own range)
    expect(nextTabTarget(mixed, me, null, 20)).toBeNull();
  });
});

describe('Tab targeting in the arena', () => {
  const player = (eid: number, x: number, hostile: boolean, dead = false): Targetable => ({
    eid,
    kind: 'player',
    x,
    y: 0,
    dead,
    hostile,
  });

  it("cycles the other team's players, nearest first, never your teammates", () => {
    const arena = [
      player(2, 3, false),
      player(11, 9, true),
      player(12, 5, true),
      player(3, 1, false),
    ];
    expect(nextTabTarget(arena, me, null)).toBe(12);
    expect(nextTabTarget(arena, me, 12)).toBe(11);
    expect(nextTabTarget(arena, me, 11)).toBe(12);
  });

  it('skips fallen enemies, and mixes with hostile NPCs by distance', () => {
    const l = [player(11, 2, true, true), player(12, 8, true), npc(20, 4, 0)];
    expect(nextTabTarget(l, me, null)).toBe(20);
    expect(nextTabTarget(l, me, 20)).toBe(12);
    expect(nextTabTarget([player(11, 2, true, true)], me, null)).toBeNull();
  });
});

describe('click targeting', () => {
  it('picks the nearest entity within the tolerance', () => {
    const l = [npc(1, 10, 10), npc(2, 11, 10)];
    expect(entityAt(l, { x: 10.8, y: 10 }, 1)?.eid).toBe(2);
    expect(entityAt(l, { x: 20, y: 10 }, 1)).toBeNull();
  });

  it('prefers the living over a corpse at the same spot', () => {
    const l = [npc(1, 10, 10, { dead: true }), npc(2, 10.4, 10)];
    expect(entityAt(l, { x: 10, y: 10 }, 1)?.eid).toBe(2);
    expect(entityAt([npc(1, 10, 10, { dead: true })], { x: 10, y: 10 }, 1)?.eid).toBe(1);
  });
});
