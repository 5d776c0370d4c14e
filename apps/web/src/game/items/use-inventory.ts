'use client';
/** The inventory, bank and character sheet queries, indexed for the panels. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { toBankModel, toInventoryModel } from './api-adapter';

export function useInventory() {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const q = useQuery({ ...trpc.inventory.get.queryOptions({ characterId }), staleTime: 10_000 });
  const model = useMemo(() => (q.data ? toInventoryModel(q.data) : undefined), [q.data]);
  return { query: q, model };
}

/** Only fetched while the bank is open: the server refuses it away from a terminal. */
export function useBank(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const q = useQuery({
    ...trpc.bank.get.queryOptions({ characterId }),
    enabled,
    retry: false,
    staleTime: 0,
  });
  const model = useMemo(() => (q.data ? toBankModel(q.data) : undefined), [q.data]);
  return { query: q, model };
}

export function useSheet(enabled = true) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({ ...trpc.progression.sheet.queryOptions({ characterId }), enabled });
}
