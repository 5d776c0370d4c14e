import { describe, expect, it } from 'vitest';
import type { CombatEvent } from '@necp/shared';
import { TELEGRAPH_LINGER_MS, Telegraphs, telegraphArea } from './telegraphs';

const BOSS = 40;
const slam: CombatEvent = {
  k: 'telegraph',
  src: BOSS,
  dst: 1,
  ab: 'warden_pressure_slam',
  ms: 2000,
  shape: 'circle',
  x: 10,
  y: 12,
  r: 4,
};
const sweep: CombatEvent = {
  k: 'telegraph',
  src: BOSS,
  dst: 2,
  ab: 'warden_coolant_sweep',
  ms: 1000,
  shape: 'line',
  x: 10,
  y: 12,
  r: 2,
  len: 22,
  dir: 1.5,
};

describe('telegraphs on the ground', () => {
  it('fills up from the announcement to the impact, lingers a moment, then goes', () => {
    const t = new Telegraphs();
    t.onEvent(slam, 1000);
    expect(t.live(1000)).toMatchObject([
      { area: { shape: 'circle', x: 10, y: 12, r: 4 }, progress: 0, impactAt: 3000 },
    ]);
    expect(t.live(2000)[0]?.progress).toBe(0.5);
    expect(t.live(3000)[0]?.progress).toBe(1);
    expect(t.live(3000 + TELEGRAPH_LINGER_MS - 1)).toHaveLength(1);
    expect(t.live(3000 + TELEGRAPH_LINGER_MS)).toEqual([]);
  });

  it('keeps lines with their length and direction; ignores malformed ones', () => {
    expect(telegraphArea(sweep)).toEqual({ shape: 'line', x: 10, y: 12, r: 2, len: 22, dir: 1.5 });
    expect(telegraphArea({ ...sweep, len: undefined })).toBeNull();
    expect(telegraphArea({ ...slam, r: undefined })).toBeNull();
    const t = new Telegraphs();
    t.onEvent({ ...slam, shape: undefined }, 0);
    expect(t.live(0)).toEqual([]);
  });

  it("the boss's interrupt of an attack or its death takes its telegraphs off", () => {
    const t = new Telegraphs();
    t.onEvent(slam, 0);
    t.onEvent(sweep, 0);
    t.onEvent({ k: 'interrupt', src: BOSS, dst: 1, ab: 'warden_pressure_slam' }, 10);
    expect(t.live(10).map((x) => x.ab)).toEqual(['warden_coolant_sweep']);
    t.onEvent({ k: 'death', src: 1, dst: BOSS }, 20);
    expect(t.live(20)).toEqual([]);
  });
});
