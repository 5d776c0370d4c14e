'use client';
/**
 * Buying, selling and buying back at a vendor. Each answer carries the vendor's
 * view afterwards (it replaces the cached one); the bag is refetched and the sim
 * told to re-read the carried weight. Refusals (not enough eddies, bag full, sold
 * out, hostile standing, a price that changed) are toasts with the server's words.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VendorTradeResult } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { itemName, templateOf } from '../items/templates';
import { eddies } from '../quests/format';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

export type Trade =
  | { kind: 'buy'; templateId: string; quantity: number; expectedPrice: number }
  | { kind: 'sell'; itemId: string; templateId: string; quantity?: number }
  | { kind: 'buyback'; itemId: string; templateId: string; quantity: number };

export function useVendorTrade(contactId: string) {
  const trpc = useTRPC();
  const api = useTRPCClient();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  // a second press while one is on its way, or a try after an answer that never came,
  // buys or sells once: the same terms carry the same key until that one is answered
  const keys = useIntentKeys();

  return useMutation({
    mutationFn: (t: Trade): Promise<VendorTradeResult> => {
      const base = { characterId, contactId };
      switch (t.kind) {
        case 'buy':
          return keys.send(
            {
              ...base,
              templateId: t.templateId,
              quantity: t.quantity,
              expectedPrice: t.expectedPrice,
            },
            (i) => api.vendor.buy.mutate(i),
          );
        case 'sell':
          return keys.send({ ...base, itemId: t.itemId, quantity: t.quantity }, (i) =>
            api.vendor.sell.mutate(i),
          );
        case 'buyback':
          // the shelf's row is the key: a second press finds it bought back already
          return api.vendor.buyback.mutate({ ...base, itemId: t.itemId });
      }
    },
    onSuccess: (r, t) => {
      qc.setQueryData(trpc.vendor.get.queryKey({ characterId, contactId }), r.view);
      const item = {
        name: itemName(t.templateId),
        rarity: templateOf(t.templateId)?.rarity ?? 'common',
        quantity: t.quantity,
      };
      const money = eddies(Math.abs(r.eddiesDelta));
      if (t.kind === 'buy') toast('success', `Bought for ${money}:`, item);
      else if (t.kind === 'sell')
        toast('success', `Sold for ${money}:`, { ...item, quantity: t.quantity });
      else toast('success', `Bought back for ${money}:`, item);
    },
    onError: (err) => {
      toast('warn', refusal(err));
      // a stale price or stock count: show the current ones
      void qc.invalidateQueries(trpc.vendor.get.queryFilter({ characterId, contactId }));
    },
    onSettled: () => {
      // the sim hears of the trade from the server (character.stats_changed) and pushes char:stats
      void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
    },
  });
}
