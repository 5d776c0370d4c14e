/**
 * How much an arena result counts (docs/matchmaking.md "What a result counts for"):
 * win-trading — throw-away accounts that accept and leave at once, or let a main beat
 * them again and again — must not move ratings or guild renown. Pure; the domain
 * (finishArenaMatch) reads the history and applies the weight to the rating change,
 * the win tally and the renown.
 */
import type { ArenaResult } from './arena-brackets';
import type { Glicko2Rating } from './glicko2';

/** A forfeit this soon after the gates opened is no fight (accept, enter, leave). */
export const ARENA_FORFEIT_GRACE_MS = 30_000;
/** Results against the same account within this window decay… */
export const ARENA_REPEAT_WINDOW_MS = 24 * 3_600_000;
/** …the k-th weighs 1/k; beyond this many, nothing. */
export const ARENA_REPEAT_MAX = 3;
/**
 * A loser's account younger than this, or its character below ARENA_ESTABLISHED_LEVEL,
 * gives no rated gain for a forfeit win (a fought win over one counts, decayed like any).
 */
export const ARENA_ESTABLISHED_ACCOUNT_MS = 3 * 24 * 3_600_000;
export const ARENA_ESTABLISHED_LEVEL = 10;
/** Moderators are told (never an automatic ban) of this many forfeit wins within ARENA_FLAG_FORFEIT_WINDOW_MS… */
export const ARENA_FLAG_FORFEIT_WINS = 3;
export const ARENA_FLAG_FORFEIT_WINDOW_MS = 3_600_000;
/** …or of this many discounted wins (forfeits, repeats, new accounts) within ARENA_REPEAT_WINDOW_MS. */
export const ARENA_FLAG_DISCOUNTED_WINS = 5;

/** What the arena saw of a match. */
export interface ArenaFight {
  /** ms the fight lasted (gates open to the end); null: it never started (a no-show) */
  foughtMs: number | null;
  by: 'defeat' | 'timer' | 'forfeit';
  /** damage each team dealt to the other, by team index */
  damageByTeam: [number, number];
}

/**
 * Whether the match was a contest: the fight started, the losing side hurt the winners
 * (a loser who never dealt damage was a punching bag), and a forfeit came after the
 * grace time. A draw is a contest if anyone hurt anyone.
 */
export function isContestedArenaFight(fight: ArenaFight, winner: 0 | 1 | null): boolean {
  if (fight.foughtMs === null) return false;
  if (winner === null) return fight.damageByTeam[0] + fight.damageByTeam[1] > 0;
  if (fight.damageByTeam[1 - winner]! <= 0) return false;
  return !(fight.by === 'forfeit' && fight.foughtMs < ARENA_FORFEIT_GRACE_MS);
}

/** The weight of the k-th result (1-based) against the same account within the window. */
export const arenaRepeatWeight = (k: number): number =>
  k <= 1 ? 1 : k <= ARENA_REPEAT_MAX ? 1 / k : 0;

/** Whether an opponent's account and character are old enough to give a rated gain. */
export const isEstablishedArenaOpponent = (o: { accountAgeMs: number; level: number }): boolean =>
  o.accountAgeMs >= ARENA_ESTABLISHED_ACCOUNT_MS && o.level >= ARENA_ESTABLISHED_LEVEL;

export interface ArenaResultWeightInput {
  result: ArenaResult;
  contested: boolean;
  /** 1 + the most results against any one opposing account within the window */
  repeat: number;
  /** the match ended by a forfeit (the losers left or never came) */
  forfeit: boolean;
  /** the share (0–1) of the opposing side that is established */
  establishedOpponents: number;
}

/**
 * 0–1: how much of the result counts. A loss always counts (a leaver's loss too),
 * decayed for repeats; a win or draw only when contested, a forfeit win only for the
 * share of established opponents.
 */
export function arenaResultWeight(i: ArenaResultWeightInput): number {
  const repeat = arenaRepeatWeight(i.repeat);
  if (i.result === 'loss') return repeat;
  if (!i.contested) return 0;
  if (i.result === 'draw') return repeat;
  return i.forfeit ? repeat * Math.min(1, Math.max(0, i.establishedOpponents)) : repeat;
}

/** The rating moved `weight` of the way from `was` to `next` (0: unchanged, 1: all of it). */
export function weighRatingChange(
  was: Glicko2Rating,
  next: Glicko2Rating,
  weight: number,
): Glicko2Rating {
  const w = Math.min(1, Math.max(0, weight));
  const at = (a: number, b: number) => a + (b - a) * w;
  return {
    rating: at(was.rating, next.rating),
    rd: at(was.rd, next.rd),
    volatility: at(was.volatility, next.volatility),
  };
}

/**
 * Whether a winner's recent record should be shown to moderators, and why (null: no).
 * Counts include the match just recorded.
 */
export function arenaSuspicion(recent: {
  forfeitWinsInWindow: number;
  discountedWins: number;
}): string | null {
  if (recent.forfeitWinsInWindow >= ARENA_FLAG_FORFEIT_WINS)
    return `${recent.forfeitWinsInWindow} arena wins within an hour against opponents who never fought`;
  if (recent.discountedWins >= ARENA_FLAG_DISCOUNTED_WINS)
    return `${recent.discountedWins} discounted arena wins within a day (forfeits, the same opponents again, new accounts)`;
  return null;
}
