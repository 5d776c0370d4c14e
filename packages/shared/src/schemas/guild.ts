/**
 * Inputs of the guild procedures (tRPC), and the name, tag, message-of-the-day and
 * rank-name shapes they are built from (the guild window checks the same ones as
 * the player types). The domain (packages/game/src/guild) parses the inputs too. The
 * numbers they use are guild rules (guild/guild-rules.ts).
 */
import { z } from 'zod';
import {
  GUILD_BANK_LOG_PAGE_MAX,
  GUILD_BANK_MAX,
  GUILD_MOTD_MAX,
  GUILD_NAME_MAX,
  GUILD_NAME_MIN,
  GUILD_RANK_NAME_MAX,
  GUILD_TAG_MAX,
  GUILD_TAG_MIN,
  type GuildPermission,
} from '../guild/guild-rules';
import { CharacterNameRefSchema, IdSchema, IdempotencyKeySchema, TextSchema } from './primitives';
import { PageCursorSchema } from './page';

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
export const GuildBankInputSchema = z.object({
  characterId: IdSchema,
  amount: GuildAmountSchema,
  /** the same key again answers the first deposit or withdrawal: nothing moved twice */
  idempotencyKey: IdempotencyKeySchema,
});
export type GuildBankInput = z.infer<typeof GuildBankInputSchema>;
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
  /** the previous page's `nextCursor` (page.ts) */
  cursor: PageCursorSchema.optional(),
  limit: z.int().min(1).max(GUILD_BANK_LOG_PAGE_MAX).optional(),
});
export const GuildPublicInputSchema = z.object({ nameOrTag: GuildNameOrTagSchema });

export type GuildCreateInput = z.infer<typeof GuildCreateInputSchema>;
export type GuildRankEditInput = z.infer<typeof GuildRankEditInputSchema>;
export type GuildBankLogInput = z.infer<typeof GuildBankLogInputSchema>;
