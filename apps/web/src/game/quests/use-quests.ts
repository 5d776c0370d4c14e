'use client';
/**
 * tRPC queries of the quest, reputation, vendor and daily windows, and what to
 * refresh after a change. The server computes every view; these only fetch,
 * cache and invalidate.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { serverNow } from '../time/server-clock';
import { nextExpiry } from './quest-lists';

/**
 * The quest log (tracker, log window, map markers). Refetched when the world
 * engineer's quest:update arrives (invalidation), and by itself when a timer runs
 * out, since a failed deadline is only noticed when read.
 */
export function useQuestLog() {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const q = useQuery({
    ...trpc.quests.log.queryOptions({ characterId }),
    staleTime: 15_000,
    retry: 1,
  });
  const { data, refetch } = q;
  useEffect(() => {
    if (!data) return;
    const at = nextExpiry(data, serverNow());
    if (at === null) return;
    // a little after the deadline, so the server sees it passed
    const t = setTimeout(() => void refetch(), Math.min(at - serverNow() + 750, 2 ** 31 - 1));
    return () => clearTimeout(t);
  }, [data, refetch]);
  return q;
}

export function useReputation(enabled = true) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.reputation.list.queryOptions({ characterId }),
    enabled,
    staleTime: 10_000,
    // a refetch after a change keeps showing the last standings meanwhile
    placeholderData: keepPreviousData,
  });
}

export function useDailyStatus() {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.daily.status.queryOptions({ characterId }),
    staleTime: 60_000,
    retry: 1,
  });
}

/** Only while the window is open: away from the vendor the server refuses it. */
export function useVendor(contactId: string | null) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.vendor.get.queryOptions({ characterId, contactId: contactId ?? '' }),
    enabled: contactId !== null,
    retry: false,
    staleTime: 0,
  });
}

export type Refreshable = 'inventory' | 'sheet' | 'quests' | 'reputation' | 'vendor' | 'daily';

/** Invalidates what a change touched; `sheet` also tells the sim to re-read stats (level, weight). */
export function useRefresh() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  return useCallback(
    (what: readonly Refreshable[]) => {
      const f = { characterId };
      for (const w of what) {
        if (w === 'inventory') void qc.invalidateQueries(trpc.inventory.get.queryFilter(f));
        // the sim's numbers follow by themselves (character.stats_changed → char:stats)
        if (w === 'sheet') void qc.invalidateQueries(trpc.progression.sheet.queryFilter(f));
        if (w === 'quests') void qc.invalidateQueries(trpc.quests.log.queryFilter(f));
        if (w === 'reputation') void qc.invalidateQueries(trpc.reputation.list.queryFilter(f));
        if (w === 'vendor') void qc.invalidateQueries(trpc.vendor.get.queryFilter());
        if (w === 'daily') void qc.invalidateQueries(trpc.daily.status.queryFilter(f));
      }
    },
    [trpc, qc, characterId],
  );
}
