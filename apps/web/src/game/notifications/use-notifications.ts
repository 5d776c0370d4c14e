'use client';
/**
 * The bell's list (tRPC notifications.list): fetched with the game, read again each
 * minute (mail that arrives later is not pushed) and whenever the sim pushes one
 * (notification:new), which is merged in at once.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { NotificationKind, NotificationNewMsg } from '@necp/shared';
import { bindMutation } from '@/trpc/bind-mutation';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { markAllRead, mergePushed, type NotificationList } from './notification-list';

const POLL_MS = 60_000;

export function useNotifications() {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.notifications.list.queryOptions({ characterId }),
    staleTime: 30_000,
    refetchInterval: POLL_MS,
  });
}

export function useNotificationActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const key = trpc.notifications.list.queryKey({ characterId });
  const readAll = bindMutation(
    useMutation(
      trpc.notifications.markRead.mutationOptions({
        onMutate: () => qc.setQueryData(key, (l) => (l ? markAllRead(l) : l)),
        onSettled: () => void qc.invalidateQueries({ queryKey: key }),
      }),
    ),
    (_: void) => ({ characterId }),
  );
  const setPref = bindMutation(
    useMutation(
      trpc.notifications.setPref.mutationOptions({
        onError: () => toast('warn', 'That setting could not be saved.'),
        onSettled: () => void qc.invalidateQueries({ queryKey: key }),
      }),
    ),
    (p: { kind: NotificationKind; enabled: boolean }) => ({ characterId, ...p }),
  );
  return { readAll, setPref };
}

/** notification:new from the sim: into the cached list, and a toast. */
export function receiveNotification(
  o: {
    queryClient: QueryClient;
    trpc: ReturnType<typeof useTRPC>;
    characterId: string;
    toast: (kind: 'info', text: string) => void;
  },
  n: NotificationNewMsg,
): void {
  const key = o.trpc.notifications.list.queryKey({ characterId: o.characterId });
  o.queryClient.setQueryData(key, (l: NotificationList | undefined) => (l ? mergePushed(l, n) : l));
  if (!o.queryClient.getQueryData(key)) void o.queryClient.invalidateQueries({ queryKey: key });
  o.toast('info', n.title);
}
