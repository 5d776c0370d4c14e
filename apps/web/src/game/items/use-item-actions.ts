'use client';
/**
 * Runs item intents: bag/bank/equipment changes through the API (one TanStack
 * mutation; every success invalidates what it touched and tells the sim to
 * re-read weight and stats), street drops through the sim. Refusals are toasts
 * with the server's message. Bag moves are applied optimistically so dragging
 * feels instant; a refusal rolls them back.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { BankTransferResult, BankView, InventoryView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import type { ItemIntent } from './drag';
import { itemName, templateOf } from './templates';

/** Kinds used from the bag through the sim (item:use): consumables heal, quest items count. */
const USABLE_KINDS: ReadonlySet<string> = new Set(['consumable', 'quest']);
export const isUsable = (templateId: string): boolean =>
  USABLE_KINDS.has(templateOf(templateId)?.kind ?? '');

/** What the mutation runs: intents with every answer the player had to give. */
export type ItemCommand =
  | Exclude<ItemIntent, { kind: 'refuse' } | { kind: 'split' } | { kind: 'ground' }>
  | { kind: 'split'; itemId: string; quantity: number; toSlot?: number }
  | { kind: 'destroy'; itemId: string; templateId: string; quantity?: number }
  | { kind: 'repair'; itemId: string; templateId: string; cost: number };

const touchesBank = (c: ItemCommand) =>
  c.kind === 'deposit' || c.kind === 'withdraw' || c.kind === 'bankMove';
/** what changes carried weight or equipped stats: the sim must re-read them */
const touchesStats = (c: ItemCommand) =>
  c.kind !== 'move' && c.kind !== 'bankMove' && c.kind !== 'split';

/** Moves (or swaps) two bag stacks in a cached inventory; merges are left to the server. */
function optimisticMove(v: InventoryView, itemId: string, toSlot: number): InventoryView | null {
  const from = v.bag.find((i) => i.id === itemId);
  if (!from) return null;
  const target = v.bag.find((i) => i.slot === toSlot);
  // same template might merge: do not guess
  if (target && target.templateId === from.templateId) return null;
  return {
    ...v,
    bag: v.bag.map((i) =>
      i.id === from.id
        ? { ...i, slot: toSlot }
        : target && i.id === target.id
          ? { ...i, slot: from.slot }
          : i,
    ),
  };
}

export function useItemActions() {
  const trpc = useTRPC();
  const api = useTRPCClient();
  const qc = useQueryClient();
  const { characterId, commands } = useGameSession();
  const toast = useGame((s) => s.toast);
  const setDialog = useGame((s) => s.setDialog);
  const keys = useIntentKeys();
  const invKey = trpc.inventory.get.queryKey({ characterId });
  const bankKey = trpc.bank.get.queryKey({ characterId });

  const mutation = useMutation({
    mutationFn: async (c: ItemCommand): Promise<InventoryView | BankView | BankTransferResult> => {
      const base = { characterId, itemId: c.itemId };
      switch (c.kind) {
        case 'move':
          return api.inventory.move.mutate({ ...base, toSlot: c.toSlot });
        case 'split':
          return api.inventory.split.mutate({ ...base, quantity: c.quantity, toSlot: c.toSlot });
        case 'equip':
          return api.inventory.equip.mutate({ ...base, slot: c.slot });
        case 'unequip':
          return api.inventory.unequip.mutate({ ...base, toSlot: c.toSlot });
        case 'destroy':
          return api.inventory.destroy.mutate({ ...base, quantity: c.quantity });
        case 'repair':
          return api.inventory.repair.mutate(base);
        // a second drop while one is on its way, or a try after an answer that never
        // came, moves the stack once
        case 'deposit':
          return keys.send({ ...base, toSlot: c.toSlot }, (i) => api.bank.deposit.mutate(i));
        case 'withdraw':
          return keys.send({ ...base, toSlot: c.toSlot }, (i) => api.bank.withdraw.mutate(i));
        case 'bankMove':
          return api.bank.move.mutate({ ...base, toSlot: c.toSlot });
      }
    },
    onMutate: async (c) => {
      if (c.kind !== 'move') return { previous: undefined };
      await qc.cancelQueries({ queryKey: invKey });
      const previous = qc.getQueryData<InventoryView>(invKey);
      const next = previous && optimisticMove(previous, c.itemId, c.toSlot);
      if (next) qc.setQueryData(invKey, next);
      return { previous };
    },
    onError: (err, _c, ctx) => {
      if (ctx?.previous) qc.setQueryData(invKey, ctx.previous);
      toast('warn', refusal(err));
    },
    onSuccess: (data, c) => {
      // every mutation answers with the state afterwards: no refetch needed
      if ('inventory' in data) {
        qc.setQueryData(invKey, data.inventory);
        qc.setQueryData(bankKey, data.bank);
      } else if ('bagSlots' in data) qc.setQueryData(invKey, data);
      else qc.setQueryData(bankKey, data);
      if (c.kind === 'destroy')
        toast('info', 'Destroyed', {
          name: itemName(c.templateId),
          rarity: templateOf(c.templateId)?.rarity ?? 'common',
        });
      if (c.kind === 'repair')
        toast('success', `Repaired ${itemName(c.templateId)} for ¥${c.cost}.`);
    },
    onSettled: (_data, err, c) => {
      if (err) {
        void qc.invalidateQueries({ queryKey: invKey });
        if (touchesBank(c)) void qc.invalidateQueries({ queryKey: bankKey });
        return;
      }
      // the sim's numbers follow by themselves (character.stats_changed → char:stats)
      if (touchesStats(c))
        void qc.invalidateQueries(trpc.progression.sheet.queryFilter({ characterId }));
    },
  });

  const { mutate } = mutation;
  /** Runs a drag/drop or context-menu intent, asking for a quantity where one is needed. */
  const run = useCallback(
    (intent: ItemIntent) => {
      switch (intent.kind) {
        case 'refuse':
          toast('info', intent.reason);
          return;
        case 'ground':
          void commands.dropToGround(intent.itemId, intent.quantity);
          return;
        case 'split':
          setDialog({
            kind: 'quantity',
            title: 'split stack',
            message: 'How many go into the new stack?',
            min: 1,
            max: intent.max,
            initial: Math.max(1, Math.floor((intent.max + 1) / 2)),
            confirmLabel: 'Split',
            onConfirm: (quantity) =>
              mutate({ kind: 'split', itemId: intent.itemId, quantity, toSlot: intent.toSlot }),
          });
          return;
        default:
          mutate(intent);
      }
    },
    [commands, mutate, setDialog, toast],
  );

  return { run, exec: mutate, pending: mutation.isPending };
}
