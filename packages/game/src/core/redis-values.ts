/**
 * What is read back from Redis, one way: through a Zod schema. A stored value is
 * untrusted — another version of the code wrote it, a write stopped halfway, an
 * operator typed it — so a reader never casts it. A value the schema refuses reads as
 * absent (undefined, as a missing key does): each caller decides what absent means
 * there (no owner, skip the entry, drop the ticket) and `onBad` hears why, to log it
 * where there is a log. A refusal never throws.
 */
import type { z } from 'zod';

/** Why a stored value was refused: "not JSON", or the first issue ("teams.0: …"). */
type OnBadStored = (reason: string) => void;

/** A JSON value (a record, a number …) stored by the code, parsed by `schema`. */
export function parseStored<T>(
  schema: z.ZodType<T>,
  raw: string | null | undefined,
  onBad?: OnBadStored,
): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    onBad?.('not JSON');
    return undefined;
  }
  return refuseBad(schema.safeParse(json), onBad);
}

/**
 * A plain string stored as it is (a cursor, a marker), parsed by `schema` — for what
 * JSON cannot carry exactly, such as a bigint id past 2^53.
 */
export function parseStoredText<T>(
  schema: z.ZodType<T, string>,
  raw: string | null | undefined,
  onBad?: OnBadStored,
): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  return refuseBad(schema.safeParse(raw), onBad);
}

function refuseBad<T>(parsed: z.ZodSafeParseResult<T>, onBad?: OnBadStored): T | undefined {
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  onBad?.(`${where}${issue?.message ?? 'refused'}`);
  return undefined;
}
