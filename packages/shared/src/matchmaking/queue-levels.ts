/**
 * Who may queue for what, by level (docs/matchmaking.md "Level ranges"). A dungeon
 * or raid is for the levels of its map (its instance template's minLevel–maxLevel),
 * so two level-1s are never sent into a level-14 vault; the arena takes every level
 * but matches within bands of ten, so a level 3 never meets a level 48. The server
 * refuses a queue out of range (every member of a party ticket must be in it) and
 * the matcher never puts tickets of two bands in one match; the group finder shows
 * the same ranges and reasons from here.
 */
import { LEVEL_CAP } from '../content/progression';
import { INSTANCE_TEMPLATES } from '../instances/instance-templates';
import { QUEUE_SPECS, type QueueId } from './queue-rules';

export interface LevelRange {
  min: number;
  max: number;
}

/** Arena bands: 1–9, then tens (10–19 … 40–49), the cap alone (50): a band is a fair fight. */
export const ARENA_LEVEL_BANDS: readonly LevelRange[] = (() => {
  const bands: LevelRange[] = [{ min: 1, max: 9 }];
  for (let lo = 10; lo <= LEVEL_CAP; lo += 10)
    bands.push({ min: lo, max: Math.min(lo + 9, LEVEL_CAP) });
  return bands;
})();

export interface QueueLevels {
  /** the map the queue opens (its name is the one a refusal gives) */
  place: string;
  range: LevelRange;
  /**
   * Tickets of different bands never match. A dungeon or raid is one band (its
   * range); inside it the queue's level spread keeps a group close.
   */
  bands: readonly LevelRange[];
}

function templateOf(queue: QueueId) {
  const kind = QUEUE_SPECS[queue].kind;
  const t = INSTANCE_TEMPLATES.find((x) => x.kind === kind);
  if (!t) throw new Error(`no instance template for ${kind}`);
  return t.content;
}

export const QUEUE_LEVELS: Record<QueueId, QueueLevels> = Object.fromEntries(
  (Object.keys(QUEUE_SPECS) as QueueId[]).map((q) => {
    const c = templateOf(q);
    const range = { min: c.minLevel, max: c.maxLevel };
    const bands = QUEUE_SPECS[q].kind === 'arena' ? ARENA_LEVEL_BANDS : [range];
    return [q, { place: c.name, range, bands }];
  }),
) as Record<QueueId, QueueLevels>;

export const inLevelRange = (r: LevelRange, level: number): boolean =>
  level >= r.min && level <= r.max;

/** "levels 14–30", "level 50". */
export const levelRangeText = (r: LevelRange): string =>
  r.min === r.max ? `level ${r.min}` : `levels ${r.min}–${r.max}`;

/**
 * The band (index into the queue's bands) a ticket of these levels plays in: its
 * highest member's (a party fights at its strongest member's level). A level that
 * left the range while queued (a level-up) counts in the nearest band; no levels
 * (a backfill slot whose group is gone) the first.
 */
export function levelBand(queue: QueueId, levels: readonly number[]): number {
  const { range, bands } = QUEUE_LEVELS[queue];
  if (levels.length === 0) return 0;
  const top = Math.min(range.max, Math.max(range.min, ...levels));
  return Math.max(
    0,
    bands.findIndex((b) => inLevelRange(b, top)),
  );
}

/** The levels a ticket whose strongest member is `level` is matched with ("levels 10–19"). */
export function bandText(queue: QueueId, level: number): string | null {
  const { range, bands } = QUEUE_LEVELS[queue];
  if (!inLevelRange(range, level)) return null;
  return levelRangeText(bands[levelBand(queue, [level])]!);
}

export interface LevelledMember {
  name: string;
  level: number;
  /** the player asking (told "you") */
  self?: boolean;
}

/** Members outside the queue's range (none: they may queue). */
export const outOfLevelRange = <M extends LevelledMember>(queue: QueueId, members: readonly M[]) =>
  members.filter((m) => !inLevelRange(QUEUE_LEVELS[queue].range, m.level));

/**
 * Why these members cannot queue: "Arasaka Data Vault is for levels 14–30: you are
 * level 1." / "…: Vex (level 1) and Kira (level 3) are not." Null: everyone fits.
 */
export function levelRangeReason(
  queue: QueueId,
  members: readonly LevelledMember[],
): string | null {
  const out = outOfLevelRange(queue, members);
  if (out.length === 0) return null;
  const { place, range } = QUEUE_LEVELS[queue];
  const head = `${place} is for ${levelRangeText(range)}`;
  const [only] = out;
  if (out.length === 1 && only?.self) return `${head}: you are level ${only.level}.`;
  const names = out.map((m) => `${m.self ? 'you' : m.name} (level ${m.level})`);
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${head}: ${list} ${out.length === 1 ? 'is' : 'are'} not.`;
}
