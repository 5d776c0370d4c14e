/**
 * Matchmaking rules shared by the server's matcher and the client's queue window
 * (docs/matchmaking.md): the queues, the roles a group needs, how the rating window
 * widens with wait time, the ready check and the growing penalty for dodging one.
 */
import { ARENA_TEAM_SIZE, type ArenaBracket } from '../rating/arena-brackets';

export const QUEUE_IDS = ['dungeon', 'arena_1v1', 'arena_3v3', 'raid'] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

/** What a confirmed match creates: a dungeon, an arena or a raid instance. */
export const MATCH_KINDS = ['dungeon', 'arena', 'raid'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export const GROUP_ROLES = ['tank', 'damage', 'support'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export type RoleCounts = Record<GroupRole, number>;

export const ARENA_QUEUE: Record<ArenaBracket, QueueId> = {
  '1v1': 'arena_1v1',
  '3v3': 'arena_3v3',
};

interface QueueShape {
  kind: MatchKind;
  /** the largest party that may queue together as one ticket */
  maxParty: number;
}
/** Arena queues: two teams of the bracket's size, matched by rating. */
export interface ArenaQueueSpec extends QueueShape {
  kind: 'arena';
  bracket: ArenaBracket;
  teamSize: number;
}
/** Dungeon and raid queues: one group of exactly these roles, close in level. */
export interface GroupQueueSpec extends QueueShape {
  kind: 'dungeon' | 'raid';
  composition: RoleCounts;
  /** the most levels a group's members may span (a premade party's own span is allowed as it is) */
  levelSpread: number;
}
export type QueueSpec = ArenaQueueSpec | GroupQueueSpec;

export const QUEUE_SPECS: Record<QueueId, QueueSpec> = {
  dungeon: {
    kind: 'dungeon',
    maxParty: 5,
    composition: { tank: 1, support: 1, damage: 3 },
    levelSpread: 5,
  },
  raid: {
    kind: 'raid',
    maxParty: 5,
    composition: { tank: 2, support: 2, damage: 6 },
    // ten players are harder to find: a wider spread than a dungeon's
    levelSpread: 10,
  },
  arena_1v1: { kind: 'arena', bracket: '1v1', maxParty: 1, teamSize: ARENA_TEAM_SIZE['1v1'] },
  arena_3v3: { kind: 'arena', bracket: '3v3', maxParty: 3, teamSize: ARENA_TEAM_SIZE['3v3'] },
};

/** How many members of each role a list of roles holds. */
export function countRoles(roles: readonly GroupRole[]): RoleCounts {
  const c: RoleCounts = { tank: 0, damage: 0, support: 0 };
  for (const r of roles) c[r]++;
  return c;
}

/** The roles fit into the composition (no role over its count). */
export const rolesFit = (roles: readonly GroupRole[], composition: RoleCounts): boolean => {
  const c = countRoles(roles);
  return GROUP_ROLES.every((r) => c[r] <= composition[r]);
};

/** Every member must answer a formed match's ready check within this. */
export const READY_CHECK_MS = 20_000;

/** The arena rating window: ±START at once, +STEP every STEP_MS, any rating after UNLIMITED_MS. */
export const RATING_WINDOW_START = 100;
export const RATING_WINDOW_STEP = 50;
export const RATING_WINDOW_STEP_MS = 10_000;
export const RATING_WINDOW_UNLIMITED_MS = 120_000;

/** How far (±, Glicko points) from its own rating a ticket that waited `waitMs` accepts opponents and teammates. */
export function ratingWindow(waitMs: number): number {
  if (waitMs >= RATING_WINDOW_UNLIMITED_MS) return Infinity;
  const steps = Math.floor(Math.max(0, waitMs) / RATING_WINDOW_STEP_MS);
  return RATING_WINDOW_START + RATING_WINDOW_STEP * steps;
}

/** Penalty for the 1st, 2nd, 3rd … declined or missed ready check (the last repeats). */
export const QUEUE_PENALTY_STEPS_MS = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000] as const;
/** Each full day without an offence takes one step off the count. */
export const QUEUE_PENALTY_DECAY_MS = 86_400_000;

/** The offence count that still counts at `nowMs` (one step off per quiet day). */
export function decayedPenaltyCount(count: number, lastOffenceMs: number, nowMs: number): number {
  const quietDays = Math.floor(Math.max(0, nowMs - lastOffenceMs) / QUEUE_PENALTY_DECAY_MS);
  return Math.max(0, count - quietDays);
}

/** How long the `count`-th offence (1-based) bars the player from queueing. */
export function queuePenaltyMs(count: number): number {
  const i = Math.min(Math.max(count, 1), QUEUE_PENALTY_STEPS_MS.length) - 1;
  return QUEUE_PENALTY_STEPS_MS[i]!;
}

/** Recent waits (time from queueing to a formed match) the estimate is made from. */
export const WAIT_SAMPLE_SIZE = 20;

/** The estimated wait of a queue: the median of its recent waits (null: no data yet). */
export function estimateWaitMs(recentWaits: readonly number[]): number | null {
  if (recentWaits.length === 0) return null;
  const s = recentWaits.toSorted((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** "4 min 30 s", "45 s" — a duration told to the player (rounded up to the second). */
export function formatWait(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const min = Math.floor(total / 60);
  const s = total % 60;
  if (min === 0) return `${s} s`;
  return s === 0 ? `${min} min` : `${min} min ${s} s`;
}
