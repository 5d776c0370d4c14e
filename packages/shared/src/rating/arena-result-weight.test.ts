import { describe, expect, it } from 'vitest';
import {
  ARENA_ESTABLISHED_ACCOUNT_MS,
  ARENA_ESTABLISHED_LEVEL,
  ARENA_FORFEIT_GRACE_MS,
  arenaRepeatWeight,
  arenaResultWeight,
  arenaSuspicion,
  isContestedArenaFight,
  isEstablishedArenaOpponent,
  weighRatingChange,
  type ArenaFight,
} from './arena-result-weight';
import { DEFAULT_GLICKO2_RATING, updateGlicko2 } from './glicko2';

const fought: ArenaFight = { foughtMs: 90_000, by: 'defeat', damageByTeam: [400, 250] };

describe('a contested arena fight', () => {
  it('is a fight both sides hurt each other in', () => {
    expect(isContestedArenaFight(fought, 0)).toBe(true);
    expect(isContestedArenaFight(fought, 1)).toBe(true);
  });
  it('is not a no-show, a punching bag, nor a forfeit inside the grace time', () => {
    expect(isContestedArenaFight({ ...fought, foughtMs: null, by: 'forfeit' }, 0)).toBe(false);
    expect(isContestedArenaFight({ ...fought, damageByTeam: [400, 0] }, 0)).toBe(false);
    const early: ArenaFight = { ...fought, by: 'forfeit', foughtMs: ARENA_FORFEIT_GRACE_MS - 1 };
    expect(isContestedArenaFight(early, 0)).toBe(false);
    expect(isContestedArenaFight({ ...early, foughtMs: ARENA_FORFEIT_GRACE_MS }, 0)).toBe(true);
  });
  it('a draw nobody hurt anybody in is no contest', () => {
    expect(isContestedArenaFight({ ...fought, by: 'timer', damageByTeam: [0, 0] }, null)).toBe(
      false,
    );
    expect(isContestedArenaFight({ ...fought, by: 'timer', damageByTeam: [0, 5] }, null)).toBe(
      true,
    );
  });
});

describe('the weight of a result', () => {
  it('repeats against the same account decay 1, 1/2, 1/3, then nothing', () => {
    expect([1, 2, 3, 4, 9].map(arenaRepeatWeight)).toEqual([1, 1 / 2, 1 / 3, 0, 0]);
  });
  it('an uncontested win or draw counts nothing; the loss counts', () => {
    const base = { contested: false, forfeit: true, repeat: 1, establishedOpponents: 1 };
    expect(arenaResultWeight({ ...base, result: 'win' })).toBe(0);
    expect(arenaResultWeight({ ...base, result: 'draw' })).toBe(0);
    expect(arenaResultWeight({ ...base, result: 'loss' })).toBe(1);
    expect(arenaResultWeight({ ...base, result: 'loss', repeat: 4 })).toBe(0);
  });
  it('a contested win counts, decayed; by forfeit only for the share of established opponents', () => {
    const win = {
      result: 'win',
      contested: true,
      forfeit: false,
      repeat: 1,
      establishedOpponents: 0,
    } as const;
    expect(arenaResultWeight(win)).toBe(1);
    expect(arenaResultWeight({ ...win, repeat: 3 })).toBeCloseTo(1 / 3);
    const forfeit = { ...win, forfeit: true };
    expect(arenaResultWeight(forfeit)).toBe(0);
    expect(arenaResultWeight({ ...forfeit, establishedOpponents: 1 })).toBe(1);
    expect(arenaResultWeight({ ...forfeit, repeat: 2, establishedOpponents: 2 / 3 })).toBeCloseTo(
      1 / 3,
    );
  });
  it('an opponent is established by account age and level', () => {
    const ok = { accountAgeMs: ARENA_ESTABLISHED_ACCOUNT_MS, level: ARENA_ESTABLISHED_LEVEL };
    expect(isEstablishedArenaOpponent(ok)).toBe(true);
    expect(isEstablishedArenaOpponent({ ...ok, accountAgeMs: 1000 })).toBe(false);
    expect(isEstablishedArenaOpponent({ ...ok, level: 1 })).toBe(false);
  });
  it('moves the rating its share of the way', () => {
    const was = DEFAULT_GLICKO2_RATING;
    const next = updateGlicko2(was, [{ opponent: was, score: 1 }]);
    expect(weighRatingChange(was, next, 0)).toEqual(was);
    expect(weighRatingChange(was, next, 1)).toEqual(next);
    expect(weighRatingChange(was, next, 0.5).rating).toBeCloseTo((was.rating + next.rating) / 2);
  });
});

describe('suspicion', () => {
  it('flags repeated forfeit wins or many discounted wins, nothing below', () => {
    expect(arenaSuspicion({ forfeitWinsInWindow: 2, discountedWins: 4 })).toBeNull();
    expect(arenaSuspicion({ forfeitWinsInWindow: 3, discountedWins: 3 })).toMatch(/never fought/);
    expect(arenaSuspicion({ forfeitWinsInWindow: 0, discountedWins: 5 })).toMatch(/discounted/);
  });
});
