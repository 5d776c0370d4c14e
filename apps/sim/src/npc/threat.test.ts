import { describe, expect, it } from 'vitest';
import type { Npc } from './npc';
import { addHealingThreat, addThreat, clearThreat, dropThreat, topThreat } from './threat';

const table = () => ({ threat: new Map<number, number>() });
const all = () => true;

describe('threat table', () => {
  it('adds up threat per attacker and ignores non-positive amounts', () => {
    const n = table();
    addThreat(n, 1, 10);
    addThreat(n, 1, 5);
    addThreat(n, 2, 0);
    addThreat(n, 2, -3);
    addThreat(n, 2, Number.NaN);
    expect([...n.threat]).toEqual([[1, 15]]);
  });

  it('picks the highest valid entry; a tie goes to the earliest added', () => {
    const n = table();
    addThreat(n, 1, 10);
    addThreat(n, 2, 30);
    addThreat(n, 3, 30);
    expect(topThreat(n, all)).toBe(2);
    expect(topThreat(n, (eid) => eid !== 2)).toBe(3);
    expect(topThreat(n, (eid) => eid === 1)).toBe(1);
    expect(topThreat(n, () => false)).toBeNull();
  });

  it('forgets a dropped target and everything on clear', () => {
    const n = table();
    addThreat(n, 1, 10);
    addThreat(n, 2, 5);
    dropThreat(n, 1);
    expect(topThreat(n, all)).toBe(2);
    clearThreat(n);
    expect(topThreat(n, all)).toBeNull();
  });

  it('healing gives half the heal as threat on NPCs fighting the healed player only', () => {
    const npc = (state: Npc['ai']['state'], onTable: number[]) =>
      ({ ai: { state }, threat: new Map(onTable.map((e) => [e, 10])) }) as unknown as Npc;
    const fighting = npc('attack', [1]);
    const other = npc('attack', [3]);
    const leashing = npc('leash', [1]);
    addHealingThreat([fighting, other, leashing], 2, 1, 40);
    expect(fighting.threat.get(2)).toBe(20);
    expect(other.threat.has(2)).toBe(false);
    expect(leashing.threat.has(2)).toBe(false);
  });
});
