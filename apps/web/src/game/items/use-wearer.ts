'use client';
/** Level and class of the playing character, for requirement checks in tooltips. */
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';
import type { Wearer } from './view-model';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

export function useWearer(): Wearer {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const level = useGame((s) => s.self?.level ?? 1);
  // the roster is cached from character select; class never changes
  const list = useQuery({ ...trpc.character.list.queryOptions(), staleTime: Infinity });
  const classId = list.data?.find((c) => c.id === characterId)?.class ?? null;
  return { level, classId };
}
