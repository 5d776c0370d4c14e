import { describe, expect, it } from 'vitest';
import { ARENA_MATCH_MS } from '@necp/shared';
import { arenaDefeat, arenaFighting, arenaVictory, arenaWaiting } from '../testing/arena-fixtures';
import {
  arenaEndView,
  arenaEnemyEids,
  arenaOutcome,
  arenaSides,
  arenaTimerText,
  countdownCue,
  formatClock,
  healthFraction,
  leftNow,
  outcomeReason,
  ratingDelta,
  ratingRows,
  returnSeconds,
} from './arena-view';

describe('who is an enemy in the arena', () => {
  it('is every member of the other team that is in the instance', () => {
    expect([...arenaEnemyEids(arenaFighting())].sort()).toEqual([11, 12, 13]);
  });

  it('leaves out those not arrived yet (no entity) and never your own team', () => {
    const waiting = arenaWaiting();
    expect([...arenaEnemyEids(waiting)].sort()).toEqual([11, 12]);
    const otherSide = { ...waiting, you: 1 };
    expect([...arenaEnemyEids(otherSide)].sort()).toEqual([1, 2, 3]);
  });

  it('is nobody outside an arena', () => {
    expect(arenaEnemyEids(null).size).toBe(0);
  });
});

describe('the scoreboard', () => {
  it('puts your team first, whichever index it has', () => {
    const s = { ...arenaFighting(), you: 1 };
    expect(arenaSides(s).map((x) => [x.team, x.ally])).toEqual([
      [1, true],
      [0, false],
    ]);
    expect(arenaSides(arenaFighting())[0]!.members[0]!.name).toBe('Vex');
  });

  it('reads the timer as m:ss, rounding up to whole seconds', () => {
    expect(formatClock(161_000)).toBe('2:41');
    expect(formatClock(160_001)).toBe('2:41');
    expect(formatClock(7_000)).toBe('0:07');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-50)).toBe('0:00');
    expect(formatClock(ARENA_MATCH_MS)).toBe('3:00');
  });

  it('says what each phase is about', () => {
    expect(arenaTimerText('waiting', 21_000)).toBe('Waiting for players…');
    expect(arenaTimerText('countdown', 2_400)).toBe('Gates open 0:03');
    expect(arenaTimerText('fighting', 65_500)).toBe('1:06');
    expect(arenaTimerText('over', 0)).toBe('Match over');
  });

  it('counts down between two states from when the last arrived', () => {
    expect(leftNow(10_000, 1_000, 1_600)).toBe(9_400);
    expect(leftNow(300, 1_000, 2_000)).toBe(0);
    // a state stamped after "now" (clock jitter) is not extended
    expect(leftNow(10_000, 1_000, 900)).toBe(10_000);
  });

  it('fills health bars within 0..1', () => {
    expect(healthFraction({ health: 88, maxHealth: 610 })).toBeCloseTo(0.144, 3);
    expect(healthFraction({ health: 0, maxHealth: 0 })).toBe(0);
    expect(healthFraction({ health: 700, maxHealth: 610 })).toBe(1);
  });
});

describe('3… 2… 1… FIGHT', () => {
  it('gets ready early in the countdown, then counts the last three seconds', () => {
    expect(countdownCue('countdown', 4_600)).toBe('ready');
    expect(countdownCue('countdown', 3_000)).toBe('3');
    expect(countdownCue('countdown', 2_400)).toBe('3');
    expect(countdownCue('countdown', 1_900)).toBe('2');
    expect(countdownCue('countdown', 600)).toBe('1');
    expect(countdownCue('countdown', 0)).toBe('1');
  });

  it('shouts FIGHT as the gates open, then gets out of the way', () => {
    expect(countdownCue('fighting', ARENA_MATCH_MS)).toBe('FIGHT');
    expect(countdownCue('fighting', ARENA_MATCH_MS - 1_000)).toBe('FIGHT');
    expect(countdownCue('fighting', ARENA_MATCH_MS - 1_500)).toBeNull();
    expect(countdownCue('waiting', 20_000)).toBeNull();
    expect(countdownCue('over', 0)).toBeNull();
  });
});

describe('the end of the match: one presentation', () => {
  it('fallen: "You are out" until the match ends, then the result replaces it', () => {
    expect(arenaEndView({ inArena: true, selfDead: true, hasResult: false })).toBe('out');
    expect(arenaEndView({ inArena: true, selfDead: true, hasResult: true })).toBe('result');
    expect(arenaEndView({ inArena: true, selfDead: false, hasResult: true })).toBe('result');
  });
  it('nothing while fighting, and nothing of the arena outside it', () => {
    expect(arenaEndView({ inArena: true, selfDead: false, hasResult: false })).toBeNull();
    expect(arenaEndView({ inArena: false, selfDead: true, hasResult: false })).toBeNull();
  });
});

describe('the result', () => {
  it('is a victory, a defeat or a draw from your side', () => {
    expect(arenaOutcome(arenaVictory())).toBe('victory');
    expect(arenaOutcome(arenaDefeat())).toBe('defeat');
    expect(arenaOutcome({ ...arenaVictory(), winner: null })).toBe('draw');
    expect(arenaOutcome({ ...arenaVictory(), you: 1 })).toBe('defeat');
  });

  it('says how it ended', () => {
    expect(outcomeReason(arenaVictory())).toBe('The enemy team was wiped out.');
    expect(outcomeReason({ ...arenaVictory(), winner: 1 })).toBe('Your team was wiped out.');
    expect(outcomeReason(arenaDefeat())).toBe('Time ran out: your opponent had more health left.');
    expect(outcomeReason({ ...arenaDefeat(), by: 'defeat' })).toBe('You flatlined.');
    expect(outcomeReason({ ...arenaVictory(), by: 'forfeit' })).toBe('The enemy team forfeited.');
    expect(outcomeReason({ ...arenaVictory(), winner: null, by: 'timer' })).toBe(
      'Time ran out with both teams even.',
    );
  });

  it('colours rating changes (whole points, a real minus sign)', () => {
    expect(ratingDelta(1512.4, 1531.1)).toEqual({ text: '+19', tone: 'up', delta: 19 });
    expect(ratingDelta(1540.2, 1521.7)).toEqual({ text: '−18', tone: 'down', delta: -18 });
    expect(ratingDelta(1433, 1433.2)).toEqual({ text: '±0', tone: 'flat', delta: 0 });
  });

  it('lists your team first, in the order the sim gave', () => {
    expect(ratingRows(arenaVictory()).map((r) => r.name)).toEqual([
      'Vex',
      'Kiroshi Jane',
      'Dex Morrow',
      'NightCorp_Razor',
      'Hanako',
      'Rogue-9',
    ]);
  });

  it('counts the seconds until everyone is sent back', () => {
    expect(returnSeconds(8_000, 0, 0)).toBe(8);
    expect(returnSeconds(8_000, 0, 900)).toBe(8);
    expect(returnSeconds(8_000, 0, 7_100)).toBe(1);
    expect(returnSeconds(8_000, 0, 9_000)).toBe(0);
  });
});
