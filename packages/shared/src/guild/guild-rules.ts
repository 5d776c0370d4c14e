/**
 * Guilds: the numbers, the default ranks, the pure rules (level, withdraw allowance)
 * and the sim's guild messages. The domain (packages/game/src/guild) enforces every
 * rule; the client uses the same constants to show them. The tRPC input schemas are
 * in schemas/guild.ts. See docs/social.md.
 */
import { z } from 'zod';

/**
 * Founding a guild costs this many eddies (a sink: ledger reason `guild_fee`). A new
 * character earns it in its first evening: the day-1 login reward and the level 1–2
 * Watson quests pay ¥240, the kills on the way ~¥8 each (docs/social.md "Guilds").
 */
export const GUILD_CREATE_FEE = 200;
/** Members of a guild, leader included. */
export const GUILD_MEMBERS_MAX = 100;
/** A guild invitation lasts this long. */
export const GUILD_INVITE_MS = 24 * 60 * 60_000;
/** Invitations one guild may have waiting at once. */
export const GUILD_INVITES_PENDING_MAX = 50;
/** Invitations one character is shown (the newest). */
export const GUILD_INVITES_LIST_MAX = 50;
export const GUILD_NAME_MIN = 3;
export const GUILD_NAME_MAX = 24;
export const GUILD_TAG_MIN = 2;
export const GUILD_TAG_MAX = 5;
/** Longest message of the day, in UTF-16 code units. */
export const GUILD_MOTD_MAX = 500;
export const GUILD_RANK_NAME_MAX = 20;
/** Bank log entries per page (the default page is GUILD_BANK_LOG_PAGE). */
export const GUILD_BANK_LOG_PAGE = 50;
export const GUILD_BANK_LOG_PAGE_MAX = 100;
/** Largest balance (the database column is a 32-bit integer, like a character's eddies). */
export const GUILD_BANK_MAX = 2_147_483_647;

/** What a rank may do. Kick and promote/demote reach only ranks below the actor's own. */
export const GUILD_PERMISSIONS = [
  'invite',
  'kick',
  'promote',
  'motd',
  'deposit',
  'withdraw',
] as const;
export type GuildPermission = (typeof GUILD_PERMISSIONS)[number];
export type GuildPermissions = Record<GuildPermission, boolean>;

export interface GuildRankDefaults {
  name: string;
  permissions: GuildPermissions;
  /** eddies a member of this rank may withdraw per UTC day; null = no limit */
  dailyWithdrawLimit: number | null;
}

const perms = (...p: GuildPermission[]): GuildPermissions =>
  Object.fromEntries(GUILD_PERMISSIONS.map((k) => [k, p.includes(k)])) as GuildPermissions;

/**
 * The ranks every guild starts with, highest first (position 0 is the leader's:
 * every permission, no withdraw limit, and that never changes). The leader may
 * rename ranks and change the others' permissions and limits; the number of ranks
 * is fixed.
 */
export const GUILD_DEFAULT_RANKS: readonly GuildRankDefaults[] = [
  { name: 'Leader', permissions: perms(...GUILD_PERMISSIONS), dailyWithdrawLimit: null },
  {
    name: 'Officer',
    permissions: perms('invite', 'kick', 'promote', 'motd', 'deposit', 'withdraw'),
    dailyWithdrawLimit: 25_000,
  },
  {
    name: 'Member',
    permissions: perms('invite', 'deposit', 'withdraw'),
    dailyWithdrawLimit: 2_000,
  },
  { name: 'Recruit', permissions: perms('deposit'), dailyWithdrawLimit: 0 },
];
/** The leader's rank position. */
export const GUILD_LEADER_RANK = 0;
/** The rank new members join at (the lowest). */
export const GUILD_LOWEST_RANK = GUILD_DEFAULT_RANKS.length - 1;

/** Members needed for each guild level (level 1 from the founding). */
export const GUILD_LEVEL_MEMBERS: readonly number[] = [1, 10, 25, 50, 100];

/** A guild's level from its member count: 1 (founded) … 5 (full). */
export function guildLevel(memberCount: number): number {
  let level = 1;
  GUILD_LEVEL_MEMBERS.forEach((need, i) => {
    if (memberCount >= need) level = i + 1;
  });
  return level;
}

/**
 * What a member may still withdraw today: null = no limit; 0 when the rank may not
 * withdraw at all or today's allowance is used up.
 */
export function withdrawAllowance(
  rank: { canWithdraw: boolean; dailyWithdrawLimit: number | null },
  withdrawnToday: number,
): number | null {
  if (!rank.canWithdraw) return 0;
  if (rank.dailyWithdrawLimit === null) return null;
  return Math.max(0, rank.dailyWithdrawLimit - withdrawnToday);
}

const DAY_MS = 86_400_000;
/** Midnight UTC starting the day of `now`: daily withdraw limits count from here. */
export const guildDayStart = (now: Date): Date =>
  new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);

/**
 * guild:update (sim socket) — your guild on entering the world, and after every
 * change: you joined (`guildId`), left, were kicked or it was disbanded (null), or its
 * roster changed (your own `guildId`). Refetch what the guild window shows.
 */
export const GuildUpdateMsgSchema = z.object({ guildId: z.string().nullable() });
export type GuildUpdateMsg = z.infer<typeof GuildUpdateMsgSchema>;

/** guild:invited (sim socket) — someone invites you to a guild (accept within GUILD_INVITE_MS). */
export const GuildInvitedMsgSchema = z.object({
  inviteId: z.string(),
  guildId: z.string(),
  guildName: z.string(),
  guildTag: z.string(),
  fromId: z.string(),
  from: z.string(),
  /** epoch ms */
  expiresAt: z.number(),
});
export type GuildInvitedMsg = z.infer<typeof GuildInvitedMsgSchema>;
