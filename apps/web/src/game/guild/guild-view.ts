/**
 * The guild window's pure rules: the roster's order, which buttons your rank shows
 * (kick, promote, demote, hand over the lead, invite, the message of the day, the
 * bank), the texts (level, founded, withdraw allowance, bank log lines, invitations),
 * the amount and confirmation inputs, the Ranks tab's edits (what changed, the daily
 * limit typed), and the sim's guild messages checked. The server decides every rule
 * again (packages/game/src/guild); these only show them.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@necp/api';
import {
  GUILD_BANK_MAX,
  GUILD_LEADER_RANK,
  GUILD_LEVEL_MEMBERS,
  GUILD_MEMBERS_MAX,
  GUILD_PERMISSIONS,
  GuildRankNameSchema,
  type GuildPermission,
  type GuildPermissions,
  type GuildRankEditInput,
  type PresenceStatus,
} from '@necp/shared';

type Out = inferRouterOutputs<AppRouter>['guild'];
/** guild.mine as the API answers it (null: in no guild) */
export type MyGuild = NonNullable<Out['mine']>;
export type RosterMember = Out['roster'][number];
export type BankLogEntry = Out['bankLog']['items'][number];
export type GuildInvite = Out['invites'][number];
export type GuildRank = MyGuild['ranks'][number];

const STATUS_ORDER: Record<PresenceStatus, number> = { online: 0, afk: 1, offline: 2 };

/** Online first, then AFK, then offline; within each the higher rank, then by name. */
export function sortRoster(members: readonly RosterMember[]): RosterMember[] {
  return [...members].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.rankPosition - b.rankPosition ||
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  );
}

/** Members not offline. */
export const onlineCount = (members: readonly RosterMember[]) =>
  members.filter((m) => m.status !== 'offline').length;

export const isLeader = (g: Pick<MyGuild, 'rank'>) => g.rank.position === GUILD_LEADER_RANK;

/** Whether your rank may do this (the leader's rank may do everything). */
export const can = (g: Pick<MyGuild, 'rank'>, p: GuildPermission) =>
  isLeader(g) || g.rank.permissions[p];

export interface MemberActions {
  promote: boolean;
  demote: boolean;
  kick: boolean;
  /** hand over the lead (the leader only) */
  lead: boolean;
}

export const NO_ACTIONS: MemberActions = {
  promote: false,
  demote: false,
  kick: false,
  lead: false,
};

export const anyAction = (a: MemberActions) => a.promote || a.demote || a.kick || a.lead;

/**
 * What you may do to `target`, as the server rules it: kick, promote and demote reach
 * only members ranked below you; promotion stops one rank below your own (nobody is
 * promoted to leader: the leader hands the lead over); demotion stops at the lowest
 * rank. Nothing on yourself.
 */
export function memberActions(
  me: { id: string; guild: Pick<MyGuild, 'rank' | 'ranks'> },
  target: Pick<RosterMember, 'id' | 'rankPosition'>,
): MemberActions {
  if (target.id === me.id) return NO_ACTIONS;
  const mine = me.guild.rank.position;
  const below = target.rankPosition > mine;
  const lowest = Math.max(...me.guild.ranks.map((r) => r.position));
  const moves = below && can(me.guild, 'promote');
  return {
    promote: moves && target.rankPosition - 1 > mine,
    demote: moves && target.rankPosition < lowest,
    kick: below && can(me.guild, 'kick'),
    lead: mine === GUILD_LEADER_RANK,
  };
}

/** The name of the rank a promotion (-1) or demotion (+1) would give. */
export function rankNameAt(g: Pick<MyGuild, 'ranks'>, position: number): string {
  return g.ranks.find((r) => r.position === position)?.name ?? `rank ${position + 1}`;
}

/** ¥1,234 */
export const eddiesText = (n: number) => `¥${n.toLocaleString('en-US')}`;

/** [TAG] Name */
export const guildTitle = (g: { name: string; tag: string }) => `[${g.tag}] ${g.name}`;

/** Members a guild needs for its next level; null at the top level. */
export function nextLevelAt(memberCount: number): number | null {
  return GUILD_LEVEL_MEMBERS.find((need) => need > memberCount) ?? null;
}

/** "12 / 100 members · level 3 at 25" */
export function membersText(memberCount: number): string {
  const next = nextLevelAt(memberCount);
  const base = `${memberCount} / ${GUILD_MEMBERS_MAX} member${memberCount === 1 ? '' : 's'}`;
  return next === null ? base : `${base} · next level at ${next}`;
}

/** "24 Nov 2026" (UTC: the same on the server and in every browser) */
/**
 * The guild's renown this season (docs/seasons.md): "1,240 renown in S3"; null while no
 * season is open.
 */
export const renownText = (r: { season: string; renown: number } | null): string | null =>
  r ? `${r.renown.toLocaleString('en-US')} renown in ${r.season}` : null;

/** The public renown board (this season's guilds by renown). */
export const RENOWN_BOARD_PATH = '/leaderboards/guild-renown';

export const dateText = (ms: number) =>
  new Date(ms).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });

/** The guild's public page (no sign-in needed). */
export const publicGuildPath = (tag: string) => `/guilds/${encodeURIComponent(tag)}`;

/** What you may still take out of the bank today, as the bank tab says it. */
export function withdrawText(g: Pick<MyGuild, 'rank' | 'withdrawLeftToday'>): string {
  if (!can(g, 'withdraw')) return 'your rank cannot withdraw';
  if (g.withdrawLeftToday === null) return 'no daily limit';
  return `${eddiesText(g.withdrawLeftToday)} left today (UTC)`;
}

/** Whether the withdraw form can send anything at all (the server checks the amount). */
export const mayWithdraw = (g: Pick<MyGuild, 'rank' | 'withdrawLeftToday'>) =>
  can(g, 'withdraw') && g.withdrawLeftToday !== 0;

/** "Alice deposited ¥500" / "Bob withdrew ¥200" */
export const bankLogText = (e: Pick<BankLogEntry, 'name' | 'kind' | 'amount'>) =>
  `${e.name} ${e.kind === 'deposit' ? 'deposited' : 'withdrew'} ${eddiesText(e.amount)}`;

/** "24 Nov, 14:05" (local time: when it happened for the reader) */
export const whenText = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

/** "expires in 23 h" / "in 12 min" / "expired" */
export function expiresText(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return 'expired';
  if (left < 60 * 60_000) return `expires in ${Math.max(1, Math.floor(left / 60_000))} min`;
  return `expires in ${Math.floor(left / (60 * 60_000))} h`;
}

/** An amount typed in the bank tab: whole eddies, at least 1 (commas and spaces allowed). */
export function parseAmount(text: string): { amount: number } | { error: string } {
  const t = text.replace(/[\s,_]/g, '');
  if (t === '') return { error: 'Enter an amount' };
  if (!/^\d+$/.test(t)) return { error: 'Whole eddies only' };
  const amount = Number(t);
  if (amount < 1) return { error: 'At least 1 eddy' };
  if (amount > GUILD_BANK_MAX) return { error: 'Too many eddies' };
  return { amount };
}

// ---- the Ranks tab ----------------------------------------------------------------

/** A permission's column in the Ranks tab: its short header and what it lets a rank do. */
export const PERMISSION_COLUMNS: Record<GuildPermission, { short: string; title: string }> = {
  invite: { short: 'Inv', title: 'Invite players' },
  kick: { short: 'Kick', title: 'Remove members of lower ranks' },
  promote: { short: 'Prom', title: 'Promote and demote members of lower ranks' },
  motd: { short: 'Motd', title: 'Edit the message of the day' },
  deposit: { short: 'Dep', title: 'Deposit into the guild bank' },
  withdraw: { short: 'Wdr', title: 'Withdraw from the guild bank, up to the daily limit' },
};

/** Ranks highest first (the leader's on top). */
export const sortRanks = (ranks: readonly GuildRank[]): GuildRank[] =>
  [...ranks].sort((a, b) => a.position - b.position);

export const isLeaderRank = (r: Pick<GuildRank, 'position'>) => r.position === GUILD_LEADER_RANK;

/** A rank as its row edits it: the name and the daily limit as typed. */
export interface RankDraft {
  name: string;
  permissions: GuildPermissions;
  /** the daily withdraw limit as typed ('' = no limit) */
  limit: string;
}

/** What guild.editRank is sent for one rank: only what changed. */
export type RankEdit = Omit<GuildRankEditInput, 'characterId' | 'rankId'>;

/** A daily withdraw limit in its input: '' for no limit, else "2,000". */
export const limitInput = (limit: number | null) =>
  limit === null ? '' : limit.toLocaleString('en-US');

/** A rank's daily withdraw limit as the read-only Ranks tab says it. */
export function limitText(r: Pick<GuildRank, 'permissions' | 'dailyWithdrawLimit'>): string {
  if (!r.permissions.withdraw) return '—';
  return r.dailyWithdrawLimit === null ? 'no limit' : eddiesText(r.dailyWithdrawLimit);
}

/** A daily withdraw limit typed: empty = no limit, else whole eddies from 0 (commas allowed). */
export function parseLimit(text: string): { limit: number | null } | { error: string } {
  const t = text.replace(/[\s,_¥]/g, '');
  if (t === '') return { limit: null };
  if (!/^\d+$/.test(t)) return { error: 'Daily limit: whole eddies only' };
  const limit = Number(t);
  if (limit > GUILD_BANK_MAX) return { error: 'Daily limit: too many eddies' };
  return { limit };
}

/** A rank's row before any edit. */
export const rankDraft = (r: GuildRank): RankDraft => ({
  name: r.name,
  permissions: { ...r.permissions },
  limit: limitInput(r.dailyWithdrawLimit),
});

/**
 * What a rank's row would send: only the fields that differ from the rank (null: no
 * change), or the first thing wrong with the draft. The leader's rank sends only its
 * name (the server refuses anything else for it).
 */
export function rankEdit(
  r: GuildRank,
  d: RankDraft,
): { edit: RankEdit | null } | { error: string } {
  const edit: RankEdit = {};
  if (d.name.trim() !== r.name) {
    const name = GuildRankNameSchema.safeParse(d.name);
    if (!name.success) return { error: `Rank name: ${name.error.issues[0]?.message ?? 'invalid'}` };
    edit.name = name.data;
  }
  if (!isLeaderRank(r)) {
    const permissions: NonNullable<RankEdit['permissions']> = {};
    for (const p of GUILD_PERMISSIONS)
      if (d.permissions[p] !== r.permissions[p]) permissions[p] = d.permissions[p];
    if (Object.keys(permissions).length > 0) edit.permissions = permissions;
    const limit = parseLimit(d.limit);
    if ('error' in limit) return limit;
    if (limit.limit !== r.dailyWithdrawLimit) edit.dailyWithdrawLimit = limit.limit;
  }
  return { edit: Object.keys(edit).length > 0 ? edit : null };
}

/** Your guild with one rank as the server answered an edit (your own rank too). */
export function withRank<G extends Pick<MyGuild, 'ranks' | 'rank'>>(g: G, r: GuildRank): G {
  return {
    ...g,
    ranks: g.ranks.map((x) => (x.id === r.id ? r : x)),
    rank: g.rank.id === r.id ? r : g.rank,
  };
}

/** The name typed to confirm disbanding matches (case ignored, as the server compares). */
export const disbandConfirmed = (name: string, typed: string) =>
  typed.trim().toLowerCase() === name.toLowerCase();
