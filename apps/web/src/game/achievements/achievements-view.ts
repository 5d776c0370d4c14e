/**
 * What the achievement window (Y) shows, worked out from achievements.mine: the
 * categories in their order with what was earned in each, each category's list
 * sorted (earned newest first, then the nearest to done, then the rest as defined,
 * hidden ones last), progress and dates as text, and the title choices. Pure.
 */
import {
  ACHIEVEMENT_CATEGORIES,
  ACHIEVEMENT_CATEGORY_LABEL,
  type AchievementCategory,
  type AchievementView,
  type AchievementsView,
} from '@necp/shared';

/** earned; under way (some progress); not started */
export type AchievementState = 'earned' | 'progress' | 'open';

export const stateOf = (a: AchievementView): AchievementState =>
  a.completedAt !== null ? 'earned' : a.progress > 0 ? 'progress' : 'open';

/** A hidden achievement not earned yet: "???" with a ? badge. */
export const isVeiled = (a: AchievementView) => a.hidden && a.completedAt === null;

/** 0..1 of the way (1 once earned). */
export function progressFraction(a: AchievementView): number {
  if (a.completedAt !== null) return 1;
  if (a.target <= 0) return 0;
  return Math.max(0, Math.min(1, a.progress / a.target));
}

/** Whether a bar says anything: a one-step achievement is done or not, nothing between. */
export const hasBar = (a: AchievementView) => a.completedAt === null && a.target > 1;

const count = (n: number) => n.toLocaleString('en-US');

/** "37 / 100" (never past the target). */
export const progressText = (a: AchievementView) =>
  `${count(Math.min(a.progress, a.target))} / ${count(a.target)}`;

/** "Earned 25 Nov 2026" in the player's time zone (a test passes one). */
export function earnedText(atMs: number, timeZone?: string): string {
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  }).format(atMs);
  return `Earned ${date}`;
}

export const pointsText = (n: number) => `${count(n)} ${n === 1 ? 'pt' : 'pts'}`;

/** The glyph on each category's badges (and tabs). */
export const CATEGORY_ICON: Record<AchievementCategory, string> = {
  combat: '⚔',
  progression: '▲',
  quests: '!',
  loot: '◆',
  dungeons: '☗',
  arena: '⚑',
  social: '☺',
};

export const badgeOf = (a: AchievementView) => (isVeiled(a) ? '?' : CATEGORY_ICON[a.category]);

const RANK: Record<AchievementState, number> = { earned: 0, progress: 1, open: 2 };

/**
 * Earned first (newest first), then under way (nearest to done first), then not
 * started; hidden ones not earned go last; otherwise definition order (the list's).
 */
export function sortAchievements(list: readonly AchievementView[]): AchievementView[] {
  return list
    .map((a, i) => ({ a, i }))
    .sort((x, y) => {
      const vx = Number(isVeiled(x.a));
      const vy = Number(isVeiled(y.a));
      if (vx !== vy) return vx - vy;
      const sx = stateOf(x.a);
      const sy = stateOf(y.a);
      if (sx !== sy) return RANK[sx] - RANK[sy];
      if (sx === 'earned') return (y.a.completedAt ?? 0) - (x.a.completedAt ?? 0) || x.i - y.i;
      if (sx === 'progress') return progressFraction(y.a) - progressFraction(x.a) || x.i - y.i;
      return x.i - y.i;
    })
    .map(({ a }) => a);
}

export interface CategoryGroup {
  id: AchievementCategory;
  label: string;
  icon: string;
  /** sorted (sortAchievements) */
  achievements: AchievementView[];
  earned: number;
  total: number;
  points: number;
  maxPoints: number;
}

const sumPoints = (list: readonly AchievementView[]) => list.reduce((n, a) => n + a.points, 0);

/** Every category that has achievements, in the categories' order. */
export function groupByCategory(list: readonly AchievementView[]): CategoryGroup[] {
  return ACHIEVEMENT_CATEGORIES.flatMap((id) => {
    const mine = list.filter((a) => a.category === id);
    if (mine.length === 0) return [];
    const earned = mine.filter((a) => a.completedAt !== null);
    return [
      {
        id,
        label: ACHIEVEMENT_CATEGORY_LABEL[id],
        icon: CATEGORY_ICON[id],
        achievements: sortAchievements(mine),
        earned: earned.length,
        total: mine.length,
        points: sumPoints(earned),
        maxPoints: sumPoints(mine),
      },
    ];
  });
}

export interface AchievementsSummary {
  earned: number;
  total: number;
  /** the character's points (the server's sum) */
  points: number;
  maxPoints: number;
}

export function summarize(view: AchievementsView): AchievementsSummary {
  return {
    earned: view.achievements.filter((a) => a.completedAt !== null).length,
    total: view.achievements.length,
    points: view.points,
    maxPoints: sumPoints(view.achievements),
  };
}

/** The category the window opens on: the latest earned one's, else the first. */
export function openingCategory(view: AchievementsView): AchievementCategory {
  let latest: AchievementView | null = null;
  for (const a of view.achievements)
    if (a.completedAt !== null && (!latest || a.completedAt > (latest.completedAt ?? 0)))
      latest = a;
  return latest?.category ?? groupByCategory(view.achievements)[0]?.id ?? 'combat';
}

/** The title selector's options: none first (value ''), then the titles earned. */
export function titleOptions(view: AchievementsView): { value: string; label: string }[] {
  return [
    { value: '', label: 'None' },
    ...view.titles.map((t) => ({ value: t.id, label: t.text })),
  ];
}

/** What the title selector says after a change (a toast). */
export const titleChangedText = (title: { text: string } | null) =>
  title ? `Your title is now “${title.text}”.` : 'You show no title now.';
