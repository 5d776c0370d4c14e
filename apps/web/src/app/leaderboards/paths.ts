import type { ClassId, LeaderboardKey } from '@necp/shared';

/**
 * A board page's path: /leaderboards/level, ?season=S1 (a past season's final
 * standings), ?class=solo, &page=2 (the live board, page 1 and "every class" left out).
 */
export function boardPath(
  board: LeaderboardKey,
  cls: ClassId | null = null,
  page = 1,
  season: string | null = null,
): string {
  const q = new URLSearchParams();
  if (season) q.set('season', season);
  if (cls) q.set('class', cls);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `/leaderboards/${board}${s ? `?${s}` : ''}`;
}

/** A player's public page. */
export const playerPath = (name: string) => `/players/${encodeURIComponent(name)}`;
