'use client';
/**
 * Your achievements (tRPC achievements.mine) and the title you show
 * (achievements.setTitle). Fetched when the window opens and read again whenever
 * the sim pushes an `achievement` notification (an open window updates by itself).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { titleChangedText } from './achievements-view';

export function useAchievements(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.achievements.mine.queryOptions({ characterId }),
    staleTime: 30_000,
    enabled,
  });
}

/** Shows a title (null: none): a toast, the own nameplate at once, the window read again. */
export function useSetTitle() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId, commands } = useGameSession();
  const toast = useGame((s) => s.toast);
  return bindMutation(
    useMutation(
      trpc.achievements.setTitle.mutationOptions({
        onSuccess: ({ title }) => {
          commands.setOwnTitle(title?.text ?? null);
          toast('success', titleChangedText(title));
        },
        onError: (err) => toast('warn', refusal(err)),
        onSettled: () =>
          void qc.invalidateQueries(trpc.achievements.mine.queryFilter({ characterId })),
      }),
    ),
    (titleId: string | null) => ({ characterId, titleId }),
  );
}

/** notification:new of kind `achievement`: the window's list is stale (progress, points, titles). */
export function receiveAchievementNotification(
  t: { queryClient: QueryClient; trpc: ReturnType<typeof useTRPC>; characterId: string },
  msg: { kind: string },
): void {
  if (msg.kind !== 'achievement') return;
  void t.queryClient.invalidateQueries(
    t.trpc.achievements.mine.queryFilter({ characterId: t.characterId }),
  );
}
