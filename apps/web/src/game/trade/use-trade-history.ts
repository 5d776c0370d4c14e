'use client';
/** The trade history (tRPC trade.history), a page at a time, read while its tab shows. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { TRADE_HISTORY_PAGE, type TradeHistoryEntry } from '@necp/shared';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';

export function useTradeHistory(shown: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const q = useInfiniteQuery(
    trpc.trade.history.infiniteQueryOptions(
      { characterId, limit: TRADE_HISTORY_PAGE },
      {
        enabled: shown,
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        staleTime: 5_000,
      },
    ),
  );
  const entries = useMemo(() => {
    const seen = new Set<string>();
    const out: TradeHistoryEntry[] = [];
    for (const p of q.data?.pages ?? [])
      for (const e of p.items) if (!seen.has(e.id) && seen.add(e.id)) out.push(e);
    return out;
  }, [q.data]);
  return { query: q, entries };
}
