/**
 * The arena HUD's pure rules: who is an enemy (Tab, plates, the target frame),
 * the scoreboard's sides and timer, the "3… 2… 1… FIGHT" cue, and the result
 * panel's outcome and rating deltas. The sim decides all of it; these only show it.
 */
import {
  ARENA_MATCH_MS,
  type ArenaMemberState,
  type ArenaRatingChange,
  type ArenaResultMsg,
  type ArenaStateMsg,
} from '@necp/shared';

/** The entities of every team but yours that are in the instance: they are hostile. */
export function arenaEnemyEids(state: ArenaStateMsg | null | undefined): Set<number> {
  const out = new Set<number>();
  if (!state) return out;
  state.teams.forEach((team, i) => {
    if (i === state.you) return;
    for (const m of team) if (m.eid !== null) out.add(m.eid);
  });
  return out;
}

export interface ArenaSide {
  /** index in the message's `teams` */
  team: number;
  ally: boolean;
  members: ArenaMemberState[];
}

/** Your team first (left, blue), then the others (right, red). */
export function arenaSides(state: ArenaStateMsg): ArenaSide[] {
  const sides = state.teams.map((members, team) => ({ team, ally: team === state.you, members }));
  return [...sides.filter((s) => s.ally), ...sides.filter((s) => !s.ally)];
}

/** "2:41", "0:07" — whole seconds rounded up (0:00 only when the time is really up). */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** What the timer slot of the scoreboard reads in each phase. */
export function arenaTimerText(phase: ArenaStateMsg['phase'], leftMs: number): string {
  switch (phase) {
    case 'waiting':
      return 'Waiting for players…';
    case 'countdown':
      return `Gates open ${formatClock(leftMs)}`;
    case 'fighting':
      return formatClock(leftMs);
    case 'over':
      return 'Match over';
  }
}

/** the cue above the countdown's last three seconds */
const COUNT_FROM_MS = 3000;
/** "FIGHT" stays this long into the fight */
const FIGHT_CUE_MS = 1200;

/**
 * The big centred cue: 'ready' early in the countdown, then '3', '2', '1', and
 * 'FIGHT' for the first moments of the fight; null otherwise. Stateless: it
 * follows from the phase and its time left (a fight lasts ARENA_MATCH_MS).
 */
export function countdownCue(phase: ArenaStateMsg['phase'], leftMs: number): string | null {
  if (phase === 'countdown') {
    if (leftMs > COUNT_FROM_MS) return 'ready';
    return String(Math.max(1, Math.ceil(leftMs / 1000)));
  }
  if (phase === 'fighting' && ARENA_MATCH_MS - leftMs < FIGHT_CUE_MS) return 'FIGHT';
  return null;
}

/** Time left in the phase now: the message's, counted down since it arrived. */
export const leftNow = (phaseLeftMs: number, receivedAt: number, now: number): number =>
  Math.max(0, phaseLeftMs - Math.max(0, now - receivedAt));

export const healthFraction = (m: Pick<ArenaMemberState, 'health' | 'maxHealth'>): number =>
  m.maxHealth > 0 ? Math.max(0, Math.min(1, m.health / m.maxHealth)) : 0;

export type ArenaOutcome = 'victory' | 'defeat' | 'draw';

/**
 * The one end-of-match presentation (arena/arena-result.tsx): fallen, you see
 * "You are out" until the match ends; then the result replaces it — never both.
 * Null outside an arena (the ordinary death screen's case) and while still fighting.
 */
export function arenaEndView(s: {
  inArena: boolean;
  selfDead: boolean;
  hasResult: boolean;
}): 'result' | 'out' | null {
  if (s.hasResult) return 'result';
  return s.inArena && s.selfDead ? 'out' : null;
}

export function arenaOutcome(r: Pick<ArenaResultMsg, 'winner' | 'you'>): ArenaOutcome {
  if (r.winner === null) return 'draw';
  return r.winner === r.you ? 'victory' : 'defeat';
}

/** How it ended, from your side (a 1v1 speaks of you and your opponent). */
export function outcomeReason(
  r: Pick<ArenaResultMsg, 'winner' | 'you' | 'by' | 'bracket'>,
): string {
  const outcome = arenaOutcome(r);
  const solo = r.bracket === '1v1';
  if (outcome === 'draw')
    return r.by === 'timer'
      ? `Time ran out with ${solo ? 'you both' : 'both teams'} even.`
      : 'Nobody won this one.';
  const [us, them] = solo ? ['you', 'your opponent'] : ['your team', 'the enemy team'];
  const [winner, loser] = outcome === 'victory' ? [us, them] : [them, us];
  switch (r.by) {
    case 'defeat':
      return solo ? `${cap(loser)} flatlined.` : `${cap(loser)} was wiped out.`;
    case 'timer':
      return `Time ran out: ${winner} had more health left.`;
    case 'forfeit':
      return `${cap(loser)} forfeited.`;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface RatingDelta {
  /** "+14", "−9", "±0" (a real minus sign) */
  text: string;
  tone: 'up' | 'down' | 'flat';
  delta: number;
}

/** A rating change as the result panel colours it (ratings are shown whole). */
export function ratingDelta(before: number, after: number): RatingDelta {
  const delta = Math.round(after) - Math.round(before);
  if (delta > 0) return { text: `+${delta}`, tone: 'up', delta };
  if (delta < 0) return { text: `−${-delta}`, tone: 'down', delta };
  return { text: '±0', tone: 'flat', delta };
}

/** The result's rating rows: your team first, in the order the sim listed them. */
export function ratingRows(r: Pick<ArenaResultMsg, 'ratings' | 'you'>): ArenaRatingChange[] {
  return [
    ...r.ratings.filter((x) => x.team === r.you),
    ...r.ratings.filter((x) => x.team !== r.you),
  ];
}

/** Whole seconds until everyone is sent back ("Returning in 6 s"). */
export const returnSeconds = (returnInMs: number, receivedAt: number, now: number): number =>
  Math.ceil(leftNow(returnInMs, receivedAt, now) / 1000);
