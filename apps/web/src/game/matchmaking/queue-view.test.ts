import { describe, expect, it } from 'vitest';
import type { MatchFoundMsg, MatchStatusMsg } from '@necp/shared';
import {
  applyMatchFound,
  applyMatchStatus,
  alertTitle,
  estimateText,
  formatClock,
  initialMatchUi,
  penaltyLeft,
  penaltyText,
  queueLevelView,
  readyCheckFraction,
  readyCheckSeconds,
  teamOf,
} from './queue-view';

const found: MatchFoundMsg = {
  matchId: 'm1',
  queue: 'arena_1v1',
  kind: 'arena',
  bracket: '1v1',
  teams: [
    [{ characterId: 'a', name: 'Vee', level: 3, role: null }],
    [{ characterId: 'b', name: 'Jackie', level: 4, role: null }],
  ],
  deadline: 9_999_999,
  remainingMs: 20_000,
};

describe('queue view', () => {
  it('re-stamps waits, deadlines and penalties on the local clock', () => {
    const queued: MatchStatusMsg = {
      reason: 'status',
      status: {
        state: 'queued',
        queue: 'dungeon',
        enqueuedAt: 1,
        waitedMs: 65_000,
        estimatedWaitMs: null,
        memberIds: ['a'],
      },
      penaltyMs: null,
    };
    const s = applyMatchStatus(initialMatchUi(), queued, 100_000);
    expect(s.status).toMatchObject({ state: 'queued', since: 35_000 });
    const barred = applyMatchStatus(
      s,
      { reason: 'penalised', status: { state: 'idle' }, penaltyMs: 270_000 },
      100_000,
    );
    expect(barred.status).toEqual({ state: 'idle' });
    expect(penaltyLeft(barred, 100_000)).toBe(270_000);
    expect(penaltyLeft(barred, 370_000)).toBeNull();
    expect(penaltyText(270_000)).toBe(
      'You declined or missed a ready check: you can queue again in 4 min 30 s.',
    );
  });

  it('a match found starts a ready check counted down locally', () => {
    const s = applyMatchFound(initialMatchUi(), found, 50_000);
    expect(s.status).toMatchObject({
      state: 'ready_check',
      deadline: 70_000,
      accepted: false,
      acceptedCount: 0,
      memberCount: 2,
    });
    if (s.status.state !== 'ready_check') throw new Error('ready check');
    expect(readyCheckSeconds(s.status.deadline, 50_000)).toBe(20);
    expect(readyCheckSeconds(s.status.deadline, 50_001)).toBe(20);
    expect(readyCheckSeconds(s.status.deadline, 69_000)).toBe(1);
    expect(readyCheckSeconds(s.status.deadline, 71_000)).toBe(0);
    expect(readyCheckFraction(s.status.deadline, 60_000)).toBe(0.5);
    expect(readyCheckFraction(s.status.deadline, 80_000)).toBe(0);
    expect(teamOf(s.status, 'b')).toBe(1);
    expect(teamOf(s.status, 'z')).toBe(-1);
  });

  it('the title alerts until this player answered or the check is over', () => {
    const s = applyMatchFound(initialMatchUi(), found, 50_000);
    expect(alertTitle(s, 50_000)).toBe('⚔ Match found! — Arena 1v1');
    expect(alertTitle(s, 69_999)).toBe('⚔ Match found! — Arena 1v1');
    expect(alertTitle(s, 70_000)).toBeNull();
    const accepted = applyMatchStatus(
      s,
      {
        reason: 'accepted',
        status: {
          ...found,
          state: 'ready_check',
          accepted: true,
          acceptedCount: 1,
          memberCount: 2,
        },
        penaltyMs: null,
      },
      52_000,
    );
    expect(alertTitle(accepted, 52_000)).toBeNull();
  });

  it('formats timers and the estimate', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(7_900)).toBe('0:07');
    expect(formatClock(765_000)).toBe('12:45');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(estimateText(null)).toBe('no estimate yet');
    expect(estimateText(90_000)).toBe('~1 min 30 s');
  });
});

describe('queue levels in the finder', () => {
  const me = (level: number) => ({ name: 'Ann', level, self: true });
  it('a level-1 sees the vault locked with the reason the sim gives', () => {
    expect(queueLevelView('dungeon', [me(1)])).toEqual({
      tag: 'Lv 14–30',
      reason: 'Arasaka Data Vault is for levels 14–30: you are level 1.',
    });
    expect(queueLevelView('raid', [me(1)]).reason).toMatch(/levels 34–50/);
    expect(queueLevelView('dungeon', [me(20)])).toEqual({ tag: 'Lv 14–30', reason: null });
  });
  it('the arena shows the bracket you would fight in: your party’s strongest', () => {
    expect(queueLevelView('arena_1v1', [me(1)])).toEqual({ tag: 'Lv 1–9 bracket', reason: null });
    expect(queueLevelView('arena_3v3', [me(4), { name: 'Vex', level: 23 }]).tag).toBe(
      'Lv 20–29 bracket',
    );
    expect(queueLevelView('arena_1v1', [me(50)]).tag).toBe('Lv 50 bracket');
    // not known yet: the range, nothing refused
    expect(queueLevelView('arena_1v1', [])).toEqual({ tag: 'Lv 1–50', reason: null });
  });
  it('a party member out of range is named', () => {
    expect(queueLevelView('dungeon', [me(20), { name: 'Vex', level: 2 }]).reason).toBe(
      'Arasaka Data Vault is for levels 14–30: Vex (level 2) is not.',
    );
  });
});
