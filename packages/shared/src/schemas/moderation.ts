/**
 * Inputs of the staff account tools (admin.setRole, moderation.ban / unban); the
 * domain services parse them too.
 */
import { z } from 'zod';
import { ROLES } from '../constants';

/** NUL and lone UTF-16 surrogates: refused in every id and text here (they break logs and PostgreSQL). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const BAD_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const clean = (s: string) => !BAD_CHARS.test(s);

const AccountIdSchema = z
  .string()
  .min(1, 'Missing account id')
  .max(64, 'Invalid account id')
  .refine(clean, 'Invalid account id');

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
    .refine(clean, 'Reason contains characters that are not allowed'),
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
