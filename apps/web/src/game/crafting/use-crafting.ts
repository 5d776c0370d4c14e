'use client';
/**
 * Crafting and salvage over tRPC (crafting.*): the workbench's view (skills, recipes
 * with what you own, the casting craft), and the actions — start (a key per click,
 * sent again on a retry), finish when the cast is done, cancel, salvage — whose
 * refusals are toasts and whose answers refresh the view and the bag.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { itemName } from '../items/templates';
import { outcomeText } from './crafting-view';

export function useCrafting(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({ ...trpc.crafting.view.queryOptions({ characterId }), enabled });
}

export function useCraftingActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const keys = useIntentKeys();
  const onError = (err: unknown) => toast('warn', refusal(err));
  const onSettled = () => {
    void qc.invalidateQueries(trpc.crafting.view.queryFilter({ characterId }));
    void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
  };
  const start = bindMutation(
    useMutation(
      trpc.crafting.start.mutationOptions({
        onSuccess: (_, v) => keys.done(v),
        onError,
        onSettled,
      }),
    ),
    (recipeId: string) => keys.keyed({ characterId, recipeId }),
  );
  const finish = bindMutation(
    useMutation(
      trpc.crafting.finish.mutationOptions({
        onSuccess: (c) => toast(c.outcome?.success ? 'success' : 'warn', outcomeText(c, itemName)),
        onError,
        onSettled,
      }),
    ),
    (craftId: string) => ({ characterId, craftId }),
  );
  const cancel = bindMutation(
    useMutation(
      trpc.crafting.cancel.mutationOptions({
        onSuccess: () => toast('info', 'Craft cancelled: your materials are free again.'),
        onError,
        onSettled,
      }),
    ),
    (craftId: string) => ({ characterId, craftId }),
  );
  const salvage = bindMutation(
    useMutation(
      trpc.crafting.salvage.mutationOptions({
        onSuccess: (s, v) => {
          keys.done(v);
          toast(
            'success',
            s.yields.length > 0
              ? `Salvaged ${itemName(s.templateId)}: ${s.yields.map((y) => `${y.quantity} × ${itemName(y.templateId)}`).join(', ')}.`
              : `Salvaged ${itemName(s.templateId)}: nothing worth keeping.`,
          );
        },
        onError,
        onSettled,
      }),
    ),
    (itemId: string) => keys.keyed({ characterId, itemId }),
  );
  return { start, finish, cancel, salvage };
}
