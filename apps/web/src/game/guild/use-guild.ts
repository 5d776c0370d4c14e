'use client';
/**
 * Your guild (tRPC guild.*) and its changes. The server decides every rule; these
 * fetch, cache, answer with toasts and read again after a change. The sim's
 * guild:update (joined, left, kicked, disbanded, the roster changed) and
 * guild:invited make the cached guild reads stale.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { refusal } from '@/trpc/errors';
import { bindMutation } from '@/trpc/bind-mutation';
import { useIntentKeys } from '@/trpc/idempotency';
import { useTRPC } from '@/trpc/react';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import {
  eddiesText,
  guildTitle,
  withRank,
  type GuildInvite,
  type RankEdit,
  type RosterMember,
} from './guild-view';

/** while the window is open the roster (online / AFK / offline) is read again this often */
const OPEN_POLL_MS = 30_000;
/** bank log lines a page */
const BANK_LOG_PAGE = 20;

/** Your guild (null: none). Fetched with the game: the action bar shows waiting invitations. */
export function useMyGuild() {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({ ...trpc.guild.mine.queryOptions({ characterId }), staleTime: 30_000 });
}

/** Invitations waiting for you (only asked while you are in no guild). */
export function useGuildInvites(enabled: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.guild.invites.queryOptions({ characterId }),
    staleTime: 30_000,
    enabled,
  });
}

export function useRoster(guildId: string | undefined, polling: boolean) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.guild.roster.queryOptions({ characterId, guildId: guildId ?? '' }),
    enabled: !!guildId,
    staleTime: 15_000,
    refetchInterval: polling ? OPEN_POLL_MS : false,
  });
}

/** One page of the bank log: newest first, from `cursor` (the previous page's nextCursor). */
export function useBankLog(guildId: string, cursor: string | undefined) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.guild.bankLog.queryOptions({ characterId, guildId, cursor, limit: BANK_LOG_PAGE }),
    staleTime: 10_000,
  });
}

export function useGuildActions() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const keys = useIntentKeys();
  const onError = (err: unknown) => toast('warn', refusal(err));
  /** every guild read is stale after a change (the sim's guild:update says so too, later) */
  const onSettled = () => void qc.invalidateQueries(trpc.guild.pathFilter());
  /** the HUD's eddies move with the fee and the bank */
  const purse = () => void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
  const ref = (m: RosterMember) => ({ characterId, memberId: m.id });

  // create keeps its own errors: the form shows them by its fields
  const create = bindMutation(
    useMutation(
      trpc.guild.create.mutationOptions({
        onSuccess: (g) => {
          toast('success', `You founded ${guildTitle(g)}.`);
          purse();
        },
        onSettled,
      }),
    ),
    (v: { name: string; tag: string }) => ({ characterId, ...v }),
  );
  const invite = bindMutation(
    useMutation(
      trpc.guild.invite.mutationOptions({
        onSuccess: (r) => toast('success', `Guild invitation sent to ${r.name}.`),
        onError,
        onSettled,
      }),
    ),
    (name: string) => ({ characterId, name }),
  );
  const accept = bindMutation(
    useMutation(trpc.guild.accept.mutationOptions({ onError, onSettled })),
    (i: GuildInvite) => ({ characterId, inviteId: i.id }),
    (_, i) => toast('success', `You joined ${guildTitle({ name: i.guildName, tag: i.guildTag })}.`),
  );
  const decline = bindMutation(
    useMutation(trpc.guild.decline.mutationOptions({ onError, onSettled })),
    (i: GuildInvite) => ({ characterId, inviteId: i.id }),
  );
  const leave = bindMutation(
    useMutation(
      trpc.guild.leave.mutationOptions({
        onSuccess: () => toast('info', 'You left the guild.'),
        onError,
        onSettled,
      }),
    ),
    (_: void) => ({ characterId }),
  );
  const kick = bindMutation(
    useMutation(trpc.guild.kick.mutationOptions({ onError, onSettled })),
    ref,
    (_, m) => toast('info', `${m.name} was removed from the guild.`),
  );
  const promote = bindMutation(
    useMutation(trpc.guild.promote.mutationOptions({ onError, onSettled })),
    ref,
    (r, m) => toast('success', `${m.name} is now ${r.rankName}.`),
  );
  const demote = bindMutation(
    useMutation(trpc.guild.demote.mutationOptions({ onError, onSettled })),
    ref,
    (r, m) => toast('info', `${m.name} is now ${r.rankName}.`),
  );
  const transfer = bindMutation(
    useMutation(trpc.guild.transferLeadership.mutationOptions({ onError, onSettled })),
    ref,
    (_, m) => toast('success', `${m.name} leads the guild now.`),
  );
  const setMotd = bindMutation(
    useMutation(
      trpc.guild.setMotd.mutationOptions({
        onSuccess: () => toast('success', 'Message of the day saved.'),
        onError,
        onSettled,
      }),
    ),
    (motd: string) => ({ characterId, motd }),
  );
  // editRank keeps its errors: the rank's row shows them. The answer is the rank as
  // saved: the window shows it at once (no flash of the old values before the re-read)
  const editRank = bindMutation(
    useMutation(
      trpc.guild.editRank.mutationOptions({
        onSuccess: (r) => {
          qc.setQueryData(trpc.guild.mine.queryKey({ characterId }), (g) => g && withRank(g, r));
          toast('success', `Rank ${r.name} saved.`);
        },
        onSettled,
      }),
    ),
    (v: RankEdit & { rankId: string }) => ({ characterId, ...v }),
  );
  const deposit = bindMutation(
    useMutation(
      trpc.guild.deposit.mutationOptions({
        onSuccess: (_, v) => {
          keys.done(v);
          toast('success', `You deposited ${eddiesText(v.amount)}.`);
          purse();
        },
        onError,
        onSettled,
      }),
    ),
    // a second press, or one after an answer that never came, moves the eddies once
    (amount: number) => keys.keyed({ characterId, amount }),
  );
  const withdraw = bindMutation(
    useMutation(
      trpc.guild.withdraw.mutationOptions({
        onSuccess: (_, v) => {
          keys.done(v);
          toast('success', `You withdrew ${eddiesText(v.amount)}.`);
          purse();
        },
        onError,
        onSettled,
      }),
    ),
    // a second press, or one after an answer that never came, moves the eddies once
    (amount: number) => keys.keyed({ characterId, amount }),
  );
  // disband keeps its error: the window shows it under the confirmation (and a toast)
  const disband = bindMutation(
    useMutation(
      trpc.guild.disband.mutationOptions({
        onSuccess: () => toast('info', 'The guild was disbanded.'),
        onError,
        onSettled,
      }),
    ),
    (confirmName: string) => ({ characterId, confirmName }),
  );
  return {
    create,
    invite,
    accept,
    decline,
    leave,
    kick,
    promote,
    demote,
    transfer,
    setMotd,
    editRank,
    deposit,
    withdraw,
    disband,
  };
}

export interface GuildTarget {
  queryClient: QueryClient;
  trpc: ReturnType<typeof useTRPC>;
}

/**
 * guild:update / guild:invited from the sim: every cached guild read (your guild, its
 * roster and bank log, your invitations) is read again when next shown.
 */
export function receiveGuildChange(t: GuildTarget) {
  void t.queryClient.invalidateQueries(t.trpc.guild.pathFilter());
}
