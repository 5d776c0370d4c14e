/**
 * Inputs of the staff account tools (admin.setRole, moderation.ban / unban); the
 * domain services parse them too.
 */
import { z } from 'zod';
import { ROLES } from '../constants';
import { IdSchema, INVALID_TEXT_MESSAGE, isSafeText } from './primitives';

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
