'use client';
/**
 * The rankings window's reads: a board's top (tRPC leaderboards.top, page 1 of
 * RANKINGS_TOP rows) and the rows around the playing character (leaderboards.around,
 * by its name; its guild's on a guild board). Both public procedures, the same the
 * public pages read. Never fresh for long (staleTime 0): a tab or filter picked again
 * shows what was read before and reads it again; the window reads both on opening.
 */
import { useQuery } from '@tanstack/react-query';
import type { ClassId, LeaderboardKey } from '@necp/shared';
import { useTRPC } from '@/trpc/react';
import { RANKINGS_AROUND_K, RANKINGS_TOP } from './rankings-view';

export function useRankingsTop(board: LeaderboardKey, cls: ClassId | null, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.leaderboards.top.queryOptions({
      board,
      class: cls,
      page: 1,
      pageSize: RANKINGS_TOP,
    }),
    staleTime: 0,
    enabled,
  });
}

/** `name`: the playing character's (null until the first snapshot names it: not read yet). */
export function useRankingsAround(
  board: LeaderboardKey,
  cls: ClassId | null,
  name: string | null,
  enabled: boolean,
) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.leaderboards.around.queryOptions({
      board,
      class: cls,
      name: name ?? '',
      k: RANKINGS_AROUND_K,
    }),
    staleTime: 0,
    enabled: enabled && name !== null,
  });
}
