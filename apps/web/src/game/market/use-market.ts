'use client';
/**
 * The commodity market over tRPC (market.*): the goods, a good's book and history, my
 * orders, and the actions — whose refusals are toasts with the server's message and
 * whose answers refresh what they change (the book, my orders, the bag and purse). A
 * placement carries a key per intent (sent again on a retry: placed once).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MarketHistoryRange, MarketPlaceInput } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

/** Read again every 10 s while shown: other players trade meanwhile. */
const LIVE = 10_000;

export function useMarketGoods(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.market.goods.queryOptions({ characterId }),
    enabled,
    refetchInterval: enabled ? LIVE : false,
  });
}

export function useMarketBook(templateId: string | null) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.market.book.queryOptions({ characterId, templateId: templateId ?? 'none' }),
    enabled: templateId !== null,
    refetchInterval: templateId ? LIVE : false,
  });
}

export function useMarketHistory(templateId: string | null, range: MarketHistoryRange) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.market.history.queryOptions({ characterId, templateId: templateId ?? 'none', range }),
    enabled: templateId !== null,
    refetchInterval: templateId ? 30_000 : false,
  });
}

export function useMyMarketOrders(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.market.mine.queryOptions({ characterId }),
    enabled,
    refetchInterval: enabled ? LIVE : false,
  });
}

/** After an order changed: the market's lists, the bag and the purse are read again. */
export function refreshMarket(
  qc: QueryClient,
  trpc: ReturnType<typeof useTRPC>,
  characterId: string,
) {
  void qc.invalidateQueries(trpc.market.pathFilter());
  void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
}

/** notification:new about the market (an order traded or expired): its lists are read again. */
export function receiveMarketNotification(
  t: { queryClient: QueryClient; trpc: ReturnType<typeof useTRPC>; characterId: string },
  msg: { kind: string },
) {
  if (msg.kind === 'market_fill') refreshMarket(t.queryClient, t.trpc, t.characterId);
}

const traded = (o: { filled: number; name: string; side: string; state: string }) =>
  o.filled > 0
    ? `${o.side === 'buy' ? 'Bought' : 'Sold'} ${o.filled} × ${o.name}${o.state === 'open' ? ' — the rest waits in the book' : ''}.`
    : `Your order for ${o.name} waits in the book.`;

export function useMarketActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const keys = useIntentKeys();
  const onError = (err: unknown) => toast('warn', refusal(err));
  const onSettled = () => refreshMarket(qc, trpc, characterId);
  const place = bindMutation(
    useMutation(
      trpc.market.place.mutationOptions({
        onSuccess: (o, v) => {
          keys.done(v);
          toast(
            'success',
            o.type === 'market' && o.filled === 0
              ? `Nothing to take for ${o.name} at that price.`
              : traded(o),
          );
        },
        onError,
        onSettled,
      }),
    ),
    (input: Omit<MarketPlaceInput, 'characterId' | 'idempotencyKey'>) =>
      keys.keyed({ characterId, ...input }),
  );
  const cancel = bindMutation(
    useMutation(
      trpc.market.cancel.mutationOptions({
        onSuccess: (o) => toast('info', `Order for ${o.name} cancelled.`),
        onError,
        onSettled,
      }),
    ),
    (orderId: string) => ({ characterId, orderId }),
  );
  const collect = bindMutation(
    useMutation(
      trpc.market.collect.mutationOptions({
        onSuccess: (orders) =>
          toast(
            orders.some((o) => o.collect.quantity > 0) ? 'warn' : 'success',
            orders.some((o) => o.collect.quantity > 0)
              ? 'Collected what fits — your bag is full for the rest.'
              : 'Collected.',
          ),
        onError,
        onSettled,
      }),
    ),
    (orderId?: string) => ({ characterId, ...(orderId ? { orderId } : {}) }),
  );
  return {
    place,
    cancel,
    collect,
    pending: place.isPending || cancel.isPending || collect.isPending,
  };
}
