'use client';
/**
 * The friends list (tRPC friends.list) and its changes. The server decides every
 * rule; these fetch, cache, answer with toasts and refetch after a change. A
 * friend:presence from the sim is written into the cached list (no refetch).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FriendPresenceMsg } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import type { ToastKind } from '../hud/toast-slice';
import { serverNow } from '../time/server-clock';
import {
  applyPresence,
  presenceNotice,
  requestOutcomeText,
  type Friend,
  type FriendsList,
  type IncomingRequest,
  type OutgoingRequest,
} from './friends-list';

/** while the window is open it reads the list again this often (requests are not pushed) */
const OPEN_POLL_MS = 30_000;

/**
 * Fetched with the game (the action bar shows waiting requests), so the window
 * never opens on "loading"; `polling` while the window is open.
 */
export function useFriends(polling = false) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.friends.list.queryOptions({ characterId }),
    staleTime: 30_000,
    refetchInterval: polling ? OPEN_POLL_MS : false,
  });
}

export function useFriendActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const key = trpc.friends.list.queryKey({ characterId });
  /** the answer shows at once; the refetch after it brings the rest (a new friend's row) */
  const edit = (change: (list: FriendsList) => FriendsList) =>
    qc.setQueryData(key, (list) => (list ? change(list) : list));
  const onError = (err: unknown) => toast('warn', refusal(err));
  const onSettled = () => void qc.invalidateQueries({ queryKey: key });

  const requestRef = (r: { id: string }) => ({ characterId, requestId: r.id });

  const request = bindMutation(
    useMutation(
      trpc.friends.request.mutationOptions({
        onSuccess: (r) => toast('success', requestOutcomeText(r)),
        onError,
        onSettled,
      }),
    ),
    (name: string) => ({ characterId, name }),
  );
  const accept = bindMutation(
    useMutation(
      trpc.friends.accept.mutationOptions({
        onSuccess: (_, v) =>
          edit((l) => ({ ...l, incoming: l.incoming.filter((x) => x.id !== v.requestId) })),
        onError,
        onSettled,
      }),
    ),
    (r: IncomingRequest) => requestRef(r),
    (_, r) => toast('success', `You and ${r.name} are now friends.`),
  );
  const decline = bindMutation(
    useMutation(
      trpc.friends.decline.mutationOptions({
        onSuccess: (_, v) =>
          edit((l) => ({ ...l, incoming: l.incoming.filter((x) => x.id !== v.requestId) })),
        onError,
        onSettled,
      }),
    ),
    (r: IncomingRequest) => requestRef(r),
  );
  const cancel = bindMutation(
    useMutation(
      trpc.friends.cancel.mutationOptions({
        onSuccess: (_, v) =>
          edit((l) => ({ ...l, outgoing: l.outgoing.filter((x) => x.id !== v.requestId) })),
        onError,
        onSettled,
      }),
    ),
    (r: OutgoingRequest) => requestRef(r),
  );
  const remove = bindMutation(
    useMutation(
      trpc.friends.remove.mutationOptions({
        onSuccess: (_, v) =>
          edit((l) => ({ ...l, friends: l.friends.filter((x) => x.id !== v.friendId) })),
        onError,
        onSettled,
      }),
    ),
    (f: Friend) => ({ characterId, friendId: f.id }),
    (_, f) => toast('info', `${f.name} is no longer on your friends list.`),
  );
  return { request, accept, decline, cancel, remove };
}

export interface PresenceTarget {
  queryClient: QueryClient;
  trpc: ReturnType<typeof useTRPC>;
  characterId: string;
  toast: (kind: ToastKind, text: string) => void;
}

/**
 * friend:presence: the friend's row changes in the cached list and "X is online." /
 * "X went offline." shows. A friend the list does not know yet (a friendship made
 * since it was read) makes it read again.
 */
export function receiveFriendPresence(t: PresenceTarget, msg: FriendPresenceMsg) {
  const key = t.trpc.friends.list.queryKey({ characterId: t.characterId });
  const before = t.queryClient.getQueryData(key);
  const notice = presenceNotice(before?.friends.find((f) => f.id === msg.id)?.status, msg);
  if (notice) t.toast('info', notice);
  const after = applyPresence(before, msg, serverNow());
  if (after !== before) t.queryClient.setQueryData(key, after);
  else void t.queryClient.invalidateQueries({ queryKey: key });
}
