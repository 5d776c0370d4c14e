'use client';
/** progression.spendPoint / respec: the server decides, the sheet and the sim re-read. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AttributeKey, CharacterSheet, InventoryView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

export function useProgressionActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const sheetKey = trpc.progression.sheet.queryKey({ characterId });
  const invKey = trpc.inventory.get.queryKey({ characterId });
  /** the sheet answers with the new balance: show it at once (the refetch confirms it) */
  const applySheet = (sheet: CharacterSheet) => {
    qc.setQueryData(sheetKey, sheet);
    qc.setQueryData(invKey, (inv: InventoryView | undefined) =>
      inv ? { ...inv, eddies: sheet.eddies } : inv,
    );
  };
  const settle = () => {
    void qc.invalidateQueries({ queryKey: sheetKey });
    // Body changes carry weight and health: the bag footer follows; the sim hears it
    // from the server (character.stats_changed) and pushes char:stats
    void qc.invalidateQueries({ queryKey: invKey });
  };
  const onError = (e: unknown) => toast('warn', refusal(e));

  const spend = useMutation(
    trpc.progression.spendPoint.mutationOptions({
      onSuccess: applySheet,
      onError,
      onSettled: settle,
    }),
  );
  const respec = useMutation(
    trpc.progression.respec.mutationOptions({
      onSuccess: (sheet) => {
        applySheet(sheet);
        toast('success', 'Attributes reset. Your points are ready to spend again.');
      },
      onError,
      onSettled: settle,
    }),
  );
  return {
    spendPoint: (attribute: AttributeKey) => spend.mutate({ characterId, attribute }),
    respec: () => respec.mutate({ characterId }),
    pending: spend.isPending || respec.isPending,
  };
}
