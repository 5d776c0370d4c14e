/**
 * Inputs of the staff account tools (admin.setRole, moderation.ban / unban); the
 * domain services parse them too.
 */
import { z } from 'zod';
import { CHAT_MUTE_MAX_MINUTES } from '../chat/chat-rules';
import { ROLES } from '../constants';
import {
  CharacterNameRefSchema,
  IdSchema,
  INVALID_TEXT_MESSAGE,
  isSafeText,
  TextSchema,
} from './primitives';
import { PageCursorSchema } from './page';

const AccountIdSchema = IdSchema;

export const SetRoleInputSchema = z.object({
  userId: AccountIdSchema,
  role: z.enum(ROLES, { error: 'Role must be PLAYER, MODERATOR or ADMIN' }),
});
export type SetRoleInput = z.infer<typeof SetRoleInputSchema>;

/** Longest ban a moderator can set with a duration (10 years); no duration = permanent. */
export const BAN_MAX_HOURS = 24 * 365 * 10;

export const BanInputSchema = z.object({
  userId: AccountIdSchema,
  reason: z
    .string()
    .trim()
    .min(3, 'Give a reason (at least 3 characters)')
    .max(500, 'Reason must be at most 500 characters')
    .refine(isSafeText, INVALID_TEXT_MESSAGE),
  /** hours from now; omitted = permanent */
  durationHours: z
    .int('Duration must be a whole number of hours')
    .min(1, 'Duration must be at least 1 hour')
    .max(BAN_MAX_HOURS, 'Duration is too long; leave it empty for a permanent ban')
    .optional(),
});
export type BanInput = z.infer<typeof BanInputSchema>;

export const UnbanInputSchema = z.object({ userId: AccountIdSchema });
export type UnbanInput = z.infer<typeof UnbanInputSchema>;

/** Why a player reports another (the player menu's Report). */
export const PLAYER_REPORT_REASONS = ['spam', 'harassment', 'cheating', 'name', 'other'] as const;
export type PlayerReportReason = (typeof PLAYER_REPORT_REASONS)[number];
export const PLAYER_REPORT_REASON_LABEL: Record<PlayerReportReason, string> = {
  spam: 'Spam or advertising',
  harassment: 'Harassment or hate',
  cheating: 'Cheating or exploiting',
  name: 'Offensive name',
  other: 'Something else',
};
/** Player reports one reporter may file per rolling day (one per target already). */
export const PLAYER_REPORTS_PER_DAY = 20;
/** The reported player's recent messages kept with a report. */
export const PLAYER_REPORT_CONTEXT = 20;

/** player:report (sim socket) — report a character by name. */
export const PlayerReportSchema = z.object({
  name: CharacterNameRefSchema,
  reason: z.enum(PLAYER_REPORT_REASONS, { error: 'Pick a reason' }),
  note: z
    .string()
    .trim()
    .max(500, 'At most 500 characters')
    .refine(isSafeText, INVALID_TEXT_MESSAGE)
    .optional(),
});
export type PlayerReport = z.infer<typeof PlayerReportSchema>;

export const REPORT_KINDS = ['chat', 'player'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** moderation.reports — open (or resolved) reports of both kinds, newest first, a page at a time (page.ts). */
export const ReportListInputSchema = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  cursor: PageCursorSchema.optional(),
  limit: z.int().min(1).max(50).default(25),
});
export type ReportListInput = z.input<typeof ReportListInputSchema>;

/** moderation.resolveReport — closes one report with what was done. */
export const ReportResolveInputSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  id: IdSchema,
  resolution: z
    .string()
    .trim()
    .min(1, 'Say what was done')
    .max(200, 'At most 200 characters')
    .refine(isSafeText, INVALID_TEXT_MESSAGE),
});
export type ReportResolveInput = z.infer<typeof ReportResolveInputSchema>;

/** moderation.chatMute — an account below the moderator's role muted for `minutes`. */
export const MuteInputSchema = z.object({
  userId: IdSchema,
  minutes: z.int().min(1).max(CHAT_MUTE_MAX_MINUTES),
  reason: TextSchema(200, { min: 3 }),
});
export type MuteInput = z.infer<typeof MuteInputSchema>;

/** moderation.chatUnmute */
export const UnmuteInputSchema = z.object({ userId: IdSchema });
export type UnmuteInput = z.infer<typeof UnmuteInputSchema>;
