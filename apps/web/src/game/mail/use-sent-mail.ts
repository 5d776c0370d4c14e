'use client';
/**
 * The Sent tab (tRPC mail.sent): the character's sent mail still in the post, a page
 * at a time, read when the tab shows and every 30 s while it does (a mail on its way
 * turns delivered); a send makes it read again (use-mail.ts).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { MAIL_PAGE_SIZE, type SentMailSummary } from '@necp/shared';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { MAIL_POLL_MS } from './use-mail';

export function useSentMail(shown: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const q = useInfiniteQuery(
    trpc.mail.sent.infiniteQueryOptions(
      { characterId, limit: MAIL_PAGE_SIZE },
      {
        enabled: shown,
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: shown ? MAIL_POLL_MS : false,
      },
    ),
  );
  const mails = useMemo(() => {
    const seen = new Set<string>();
    const out: SentMailSummary[] = [];
    for (const p of q.data?.pages ?? [])
      for (const m of p.items) if (!seen.has(m.id) && seen.add(m.id)) out.push(m);
    return out;
  }, [q.data]);
  return { query: q, mails };
}
