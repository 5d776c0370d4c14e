'use client';
/**
 * Your guild (tRPC guild.*) and its changes. The server decides every rule; these
 * fetch, cache, answer with toasts and read again after a change. The sim's
 * guild:update (joined, left, kicked, disbanded, the roster changed) and
 * guild:invited make the cached guild reads stale.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { refusal } from '@/trpc/errors';
import { useTRPC, useTRPCClient } from '@/trpc/react';
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
export const BANK_LOG_PAGE = 20;

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

/** One page of the bank log: newest first, `before` the previous page's last id. */
export function useBankLog(guildId: string, before: string | undefined) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  return useQuery({
    ...trpc.guild.bankLog.queryOptions({ characterId, guildId, before, limit: BANK_LOG_PAGE }),
    staleTime: 10_000,
  });
}

export function useGuildActions() {
  const trpc = useTRPC();
  const api = useTRPCClient();
  const qc = useQueryClient();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const onError = (err: unknown) => toast('warn', refusal(err));
  /** every guild read is stale after a change (the sim's guild:update says so too, later) */
  const onSettled = () => void qc.invalidateQueries(trpc.guild.pathFilter());
  /** the HUD's eddies move with the fee and the bank */
  const purse = () => void qc.invalidateQueries(trpc.inventory.get.queryFilter({ characterId }));
  const ref = (m: Pick<RosterMember, 'id'>) => ({ characterId, memberId: m.id });

  // create keeps its own errors: the form shows them by its fields
  const create = useMutation({
    mutationFn: (v: { name: string; tag: string }) =>
      api.guild.create.mutate({ characterId, ...v }),
    onSuccess: (g) => {
      toast('success', `You founded ${guildTitle(g)}.`);
      purse();
    },
    onSettled,
  });
  const invite = useMutation({
    mutationFn: (name: string) => api.guild.invite.mutate({ characterId, name }),
    onSuccess: (r) => toast('success', `Guild invitation sent to ${r.name}.`),
    onError,
    onSettled,
  });
  const accept = useMutation({
    mutationFn: (i: GuildInvite) => api.guild.accept.mutate({ characterId, inviteId: i.id }),
    onSuccess: (_, i) =>
      toast('success', `You joined ${guildTitle({ name: i.guildName, tag: i.guildTag })}.`),
    onError,
    onSettled,
  });
  const decline = useMutation({
    mutationFn: (i: GuildInvite) => api.guild.decline.mutate({ characterId, inviteId: i.id }),
    onError,
    onSettled,
  });
  const leave = useMutation({
    mutationFn: () => api.guild.leave.mutate({ characterId }),
    onSuccess: () => toast('info', 'You left the guild.'),
    onError,
    onSettled,
  });
  const kick = useMutation({
    mutationFn: (m: RosterMember) => api.guild.kick.mutate(ref(m)),
    onSuccess: (_, m) => toast('info', `${m.name} was removed from the guild.`),
    onError,
    onSettled,
  });
  const promote = useMutation({
    mutationFn: (m: RosterMember) => api.guild.promote.mutate(ref(m)),
    onSuccess: (r, m) => toast('success', `${m.name} is now ${r.rankName}.`),
    onError,
    onSettled,
  });
  const demote = useMutation({
    mutationFn: (m: RosterMember) => api.guild.demote.mutate(ref(m)),
    onSuccess: (r, m) => toast('info', `${m.name} is now ${r.rankName}.`),
    onError,
    onSettled,
  });
  const transfer = useMutation({
    mutationFn: (m: RosterMember) => api.guild.transferLeadership.mutate(ref(m)),
    onSuccess: (_, m) => toast('success', `${m.name} leads the guild now.`),
    onError,
    onSettled,
  });
  const setMotd = useMutation({
    mutationFn: (motd: string) => api.guild.setMotd.mutate({ characterId, motd }),
    onSuccess: () => toast('success', 'Message of the day saved.'),
    onError,
    onSettled,
  });
  // editRank keeps its errors: the rank's row shows them. The answer is the rank as
  // saved: the window shows it at once (no flash of the old values before the re-read)
  const editRank = useMutation({
    mutationFn: (v: RankEdit & { rankId: string }) =>
      api.guild.editRank.mutate({ characterId, ...v }),
    onSuccess: (r) => {
      qc.setQueryData(trpc.guild.mine.queryKey({ characterId }), (g) => g && withRank(g, r));
      toast('success', `Rank ${r.name} saved.`);
    },
    onSettled,
  });
  const deposit = useMutation({
    mutationFn: (amount: number) => api.guild.deposit.mutate({ characterId, amount }),
    onSuccess: (_, amount) => {
      toast('success', `You deposited ${eddiesText(amount)}.`);
      purse();
    },
    onError,
    onSettled,
  });
  const withdraw = useMutation({
    mutationFn: (amount: number) => api.guild.withdraw.mutate({ characterId, amount }),
    onSuccess: (_, amount) => {
      toast('success', `You withdrew ${eddiesText(amount)}.`);
      purse();
    },
    onError,
    onSettled,
  });
  // disband keeps its error: the window shows it under the confirmation (and a toast)
  const disband = useMutation({
    mutationFn: (confirmName: string) => api.guild.disband.mutate({ characterId, confirmName }),
    onSuccess: () => toast('info', 'The guild was disbanded.'),
    onError,
    onSettled,
  });
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
