/**
 * Guilds: the numbers, the default ranks, the pure rules (level, withdraw allowance)
 * and the tRPC input schemas. The domain (packages/game/src/guild) enforces every
 * rule; the client uses the same constants to show them. See docs/social.md.
 */
import { z } from 'zod';
import { CharacterNameRefSchema, IdSchema, TextSchema } from '../schemas/primitives';

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

// ---- schemas --------------------------------------------------------------------

const NAME_CHARS = /^[A-Za-z0-9' -]+$/;

/**
 * 3–24 characters: letters, digits, spaces, hyphens and apostrophes (so no NUL,
 * control characters or lone surrogates), starting and ending with a letter or
 * digit, no double spaces, at least one letter. Surrounding spaces are trimmed.
 */
export const GuildNameSchema = z
  .string()
  .max(64, { error: `Name must be at most ${GUILD_NAME_MAX} characters`, abort: true })
  .trim()
  .min(GUILD_NAME_MIN, `Name must be at least ${GUILD_NAME_MIN} characters`)
  .max(GUILD_NAME_MAX, `Name must be at most ${GUILD_NAME_MAX} characters`)
  .regex(NAME_CHARS, 'Name may contain letters, digits, spaces, hyphens and apostrophes')
  .refine(
    (n) => /^[A-Za-z0-9].*[A-Za-z0-9]$/.test(n),
    'Name must start and end with a letter or digit',
  )
  .refine((n) => !n.includes('  '), 'Name cannot contain two spaces in a row')
  .refine((n) => /[A-Za-z]/.test(n), 'Name must contain a letter');

/** 2–5 letters, stored upper-case. */
export const GuildTagSchema = z
  .string()
  .max(16, { error: `Tag must be ${GUILD_TAG_MIN}–${GUILD_TAG_MAX} letters`, abort: true })
  .trim()
  .regex(/^[A-Za-z]{2,5}$/, `Tag must be ${GUILD_TAG_MIN}–${GUILD_TAG_MAX} letters`)
  .transform((t) => t.toUpperCase());

/** A guild named by anyone (the public page): a name or a tag, shape only. */
export const GuildNameOrTagSchema = z
  .string()
  .max(64, { error: 'No such guild', abort: true })
  .trim()
  .min(GUILD_TAG_MIN, 'No such guild')
  .max(GUILD_NAME_MAX, 'No such guild')
  .regex(NAME_CHARS, 'No such guild');

/** Message of the day: free text (lines allowed), no NUL/control characters, well-formed. */
export const GuildMotdSchema = TextSchema(GUILD_MOTD_MAX);

export const GuildRankNameSchema = z
  .string()
  .max(64, { error: `At most ${GUILD_RANK_NAME_MAX} characters`, abort: true })
  .trim()
  .min(1, 'Required')
  .max(GUILD_RANK_NAME_MAX, `At most ${GUILD_RANK_NAME_MAX} characters`)
  .regex(NAME_CHARS, 'Letters, digits, spaces, hyphens and apostrophes only');

/** Whole eddies moved in one deposit or withdrawal. */
export const GuildAmountSchema = z
  .int('Whole eddies only')
  .min(1, 'At least 1 eddy')
  .max(GUILD_BANK_MAX, 'Too many eddies');

export const GuildCharacterInputSchema = z.object({ characterId: IdSchema });
export const GuildCreateInputSchema = z.object({
  characterId: IdSchema,
  name: GuildNameSchema,
  tag: GuildTagSchema,
});
export const GuildInviteInputSchema = z.object({
  characterId: IdSchema,
  name: CharacterNameRefSchema,
});
export const GuildInviteRefInputSchema = z.object({ characterId: IdSchema, inviteId: IdSchema });
export const GuildMemberInputSchema = z.object({ characterId: IdSchema, memberId: IdSchema });
export const GuildMotdInputSchema = z.object({ characterId: IdSchema, motd: GuildMotdSchema });
export const GuildRankEditInputSchema = z.object({
  characterId: IdSchema,
  rankId: IdSchema,
  name: GuildRankNameSchema.optional(),
  /** only the permissions given change */
  permissions: z
    .strictObject({
      invite: z.boolean().optional(),
      kick: z.boolean().optional(),
      promote: z.boolean().optional(),
      motd: z.boolean().optional(),
      deposit: z.boolean().optional(),
      withdraw: z.boolean().optional(),
    } satisfies Record<GuildPermission, z.ZodOptional<z.ZodBoolean>>)
    .optional(),
  /** null = no limit */
  dailyWithdrawLimit: z.int().min(0).max(GUILD_BANK_MAX).nullable().optional(),
});
export const GuildBankInputSchema = z.object({ characterId: IdSchema, amount: GuildAmountSchema });
export const GuildDisbandInputSchema = z.object({
  characterId: IdSchema,
  /** must equal the guild's name (case ignored): the explicit confirmation */
  confirmName: z.string().max(64, { error: 'Type the guild name to confirm', abort: true }),
});
/** Members-only reads of one guild (roster). */
export const GuildReadInputSchema = z.object({ characterId: IdSchema, guildId: IdSchema });
export const GuildBankLogInputSchema = z.object({
  characterId: IdSchema,
  guildId: IdSchema,
  /** entries older than this id (the previous page's last `id`) */
  before: z
    .string()
    .max(20, { error: 'Invalid cursor', abort: true })
    .regex(/^[1-9][0-9]{0,17}$/, 'Invalid cursor')
    .optional(),
  limit: z.int().min(1).max(GUILD_BANK_LOG_PAGE_MAX).optional(),
});
export const GuildPublicInputSchema = z.object({ nameOrTag: GuildNameOrTagSchema });

export type GuildCreateInput = z.infer<typeof GuildCreateInputSchema>;
export type GuildRankEditInput = z.infer<typeof GuildRankEditInputSchema>;
export type GuildBankLogInput = z.infer<typeof GuildBankLogInputSchema>;

/**
 * guild:update (sim socket) — your guild on entering the world, and after every
 * change: you joined (`guildId`), left, were kicked or it was disbanded (null), or its
 * roster changed (your own `guildId`). Refetch what the guild window shows.
 */
export interface GuildUpdateMsg {
  guildId: string | null;
}

/** guild:invited (sim socket) — someone invites you to a guild (accept within GUILD_INVITE_MS). */
export interface GuildInvitedMsg {
  inviteId: string;
  guildId: string;
  guildName: string;
  guildTag: string;
  fromId: string;
  from: string;
  /** epoch ms */
  expiresAt: number;
}
