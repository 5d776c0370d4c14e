import type { ClassId, LeaderboardKey } from '@necp/shared';

/** A board page's path: /leaderboards/level, ?class=solo, &page=2 (page 1 and "every class" left out). */
export function boardPath(board: LeaderboardKey, cls: ClassId | null = null, page = 1): string {
  const q = new URLSearchParams();
  if (cls) q.set('class', cls);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `/leaderboards/${board}${s ? `?${s}` : ''}`;
}

/** A player's public page. */
export const playerPath = (name: string) => `/players/${encodeURIComponent(name)}`;
