'use client';
/**
 * The Reef Exchange over tRPC (auction.*): the search pages, my auctions, a listing's
 * deposit, and the actions — whose refusals are toasts with the server's message and
 * whose answers refresh what they change (the results, my auctions, the bag and purse).
 */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { AuctionListInput, AuctionSearchInput, AuctionDurationH } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

export type AuctionFilters = Omit<AuctionSearchInput, 'characterId' | 'cursor'>;

/** Results of a search, a page at a time (read again every 15 s while shown). */
export function useAuctionSearch(filters: AuctionFilters, enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useInfiniteQuery(
    trpc.auction.search.infiniteQueryOptions(
      { characterId, ...filters },
      {
        enabled,
        getNextPageParam: (p) => p.nextCursor ?? undefined,
        staleTime: 5_000,
        refetchInterval: enabled ? 15_000 : false,
      },
    ),
  );
}

export function useMyAuctions(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.auction.mine.queryOptions({ characterId }),
    enabled,
    refetchInterval: enabled ? 15_000 : false,
  });
}

/** The seasonal sealed lots with my own maxima (read again every 15 s while shown). */
export function useSealedLots(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.auction.lots.queryOptions({ characterId }),
    enabled,
    refetchInterval: enabled ? 15_000 : false,
  });
}

/** What listing `itemId` for `durationH` would cost (null item: nothing asked). */
export function useAuctionQuote(itemId: string | null, durationH: AuctionDurationH) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.auction.quote.queryOptions({ characterId, itemId: itemId ?? '', durationH }),
    enabled: itemId !== null,
    retry: false,
  });
}

/** After an auction changed: the results, my auctions, the bag and the purse are read again. */
export function refreshAuctions(
  qc: QueryClient,
  trpc: ReturnType<typeof useTRPC>,
  characterId: string,
) {
  void qc.invalidateQueries(trpc.auction.pathFilter());
  void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
}

/** notification:new about the Exchange (outbid, sold, won, ended): its lists are read again. */
export function receiveAuctionNotification(
  t: { queryClient: QueryClient; trpc: ReturnType<typeof useTRPC>; characterId: string },
  msg: { kind: string },
) {
  if (msg.kind === 'auction_outbid' || msg.kind === 'auction_result')
    refreshAuctions(t.queryClient, t.trpc, t.characterId);
}

export function useAuctionActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const keys = useIntentKeys();
  const onError = (err: unknown) => toast('warn', refusal(err));
  const onSettled = () => refreshAuctions(qc, trpc, characterId);
  const list = bindMutation(
    useMutation(
      trpc.auction.list.mutationOptions({
        onSuccess: (l, sent) => {
          keys.done(sent);
          toast('success', `Listed ${l.name} on the Reef Exchange.`);
        },
        onError,
        onSettled,
      }),
    ),
    // a second press of List, or one after an answer that never came, lists once
    (input: Omit<AuctionListInput, 'characterId' | 'idempotencyKey'>) =>
      keys.keyed({ characterId, ...input }),
  );
  const bid = bindMutation(
    useMutation(
      trpc.auction.bid.mutationOptions({
        onSuccess: (l) =>
          toast(
            'success',
            l.state === 'sold' ? `Bought ${l.name}: it comes by mail.` : `You lead on ${l.name}.`,
          ),
        onError,
        onSettled,
      }),
    ),
    (v: { listingId: string; amount: number }) => ({ characterId, ...v }),
  );
  const buyout = bindMutation(
    useMutation(
      trpc.auction.buyout.mutationOptions({
        onSuccess: (l) => toast('success', `Bought ${l.name}: it comes by mail.`),
        onError,
        onSettled,
      }),
    ),
    (listingId: string) => ({ characterId, listingId }),
  );
  const cancel = bindMutation(
    useMutation(
      trpc.auction.cancel.mutationOptions({
        onSuccess: (l) => toast('info', `${l.name} is off the Exchange: it comes back by mail.`),
        onError,
        onSettled,
      }),
    ),
    (listingId: string) => ({ characterId, listingId }),
  );
  const sealedBid = bindMutation(
    useMutation(
      trpc.auction.sealedBid.mutationOptions({
        onSuccess: (l) =>
          toast(
            'success',
            `Your sealed max on ${l.name} is in. The close decides: you pay only what it takes.`,
          ),
        onError,
        onSettled,
      }),
    ),
    (v: { lotId: string; max: number }) => ({ characterId, ...v }),
  );
  const pending =
    list.isPending || bid.isPending || buyout.isPending || cancel.isPending || sealedBid.isPending;
  return { list, bid, buyout, cancel, sealedBid, pending };
}
