/**
 * The string primitives every edge (tRPC inputs, socket payloads, sign-in) is built
 * from. PostgreSQL `text` cannot hold U+0000, and a lone UTF-16 surrogate cannot be
 * encoded as UTF-8 faithfully, so both are refused here, before any service or the
 * database sees them — bad strings are a 400, never a 500.
 */
import { z } from 'zod';

/** Database ids (cuid) and content ids (`stim_basic`, `q_street_cred`, `city-center`): one charset. */
export const ID_MAX = 64;
const ID_CHARS = /^[A-Za-z0-9_-]+$/;

/**
 * Control characters a name, message or password never needs: C0 except tab, LF
 * and CR, DEL, and the C1 block. NUL is among them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * A high surrogate not followed by a low one, or a low one not preceded by a high
 * one (what `String.prototype.isWellFormed` rejects; a regex works in every runtime).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The string is well-formed UTF-16 (no lone surrogates). */
export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);
/** The string holds no NUL or other control character (tab, LF and CR are allowed). */
export const hasNoControlChars = (s: string): boolean => !CONTROL_CHARS.test(s);
/** Safe to store and show: well-formed and free of control characters. */
export const isSafeText = (s: string): boolean => isWellFormedText(s) && hasNoControlChars(s);

export const INVALID_TEXT_MESSAGE = 'Text contains characters that are not allowed';

/**
 * Free text of at most `max` UTF-16 code units (and at least `min`): refuses NUL,
 * other control characters and ill-formed UTF-16. The length check comes first
 * and aborts, so a huge string is refused without being scanned.
 */
export function TextSchema(max: number, opts: { min?: number; message?: string } = {}) {
  const min = opts.min ?? 0;
  return z
    .string()
    .max(max, { error: `At most ${max} characters`, abort: true })
    .min(min, min === 1 ? 'Required' : `At least ${min} characters`)
    .refine(isSafeText, opts.message ?? INVALID_TEXT_MESSAGE);
}

/**
 * An id of a database row (cuid) or of content: 1–64 of A–Z a–z 0–9 _ -. Anything
 * else (NUL, surrogates, spaces, 100 KB) is refused as "Invalid id".
 */
export const IdSchema = z
  .string({ error: 'Invalid id' })
  .min(1, 'Missing id')
  .max(ID_MAX, { error: 'Invalid id', abort: true })
  .regex(ID_CHARS, 'Invalid id');

/**
 * What makes a command that moves value happen once: the client draws one per intent
 * (apps/web/src/trpc/idempotency.ts) and sends the same one when it tries again; the
 * row the command makes carries it (or, when it makes none, a receipt:
 * packages/game/src/core/command-receipt.ts), unique per character, so a second try
 * returns the first outcome.
 */
export const IdempotencyKeySchema = IdSchema;

/** A content id (`stim_basic`, `regina`): lower-case letters, digits and _. */
export const ContentIdSchema = IdSchema.regex(/^[a-z0-9_]+$/, 'Invalid id');

/**
 * A character named by a player (whisper, ignore, invite, friend request): the name's
 * charset and length only — whether it exists is the domain's answer ("No character
 * is called …").
 */
export const CharacterNameRefSchema = z
  .string()
  .max(16, { error: 'No such character', abort: true })
  .regex(/^[A-Za-z0-9-]+$/, 'No such character');
