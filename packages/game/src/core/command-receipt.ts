/**
 * Once, for a command that moves value and makes no object of its own to carry its
 * key (CONVENTIONS "Money and items"; docs/economy.md "Once, for every command"): a
 * vendor purchase or sale, a bank or guild bank deposit or withdrawal, a staff grant. A
 * command that makes an object — an order, a listing, a craft, a salvage, a mail, a
 * contract — keeps the key on that row instead, and answers the object as it stands now.
 *
 * The key is claimed first in the command's transaction (`CommandReceipt`, unique per
 * character): a retry sent while the first runs waits at the claim for its commit, then
 * reads what it answered. A refusal rolls the claim back with everything else, so the
 * same key tried again is a first try.
 */
import { z } from 'zod';
import type { Tx } from './deps';
import { keyReused } from './errors';

/** For a command whose retry reads all it answers again (a bank move: the bag and bank now). */
export const NOTHING_KEPT = z.object({});

/** A command's input: the acting character, the client's key, and its terms. */
export type Keyed = { characterId: string; idempotencyKey: string } & Record<string, unknown>;

/** The command and its terms (the input without its key), as one canonical string. */
export function termsOf(command: string, input: Keyed): string {
  const terms = Object.entries(input)
    .filter(([k, v]) => k !== 'idempotencyKey' && v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([command, Object.fromEntries(terms)]);
}

/**
 * Runs `first` unless this key ran before: then answers that first run's outcome
 * (`again`), provided the command and its terms are the same (else CONFLICT, keyReused:
 * one key drawn for two intents, nothing done). Call it after the command's locks, so
 * that what a retry answers beside the outcome (a view) is read under them too.
 * `outcome` reads the kept outcome back; it holds only what a retry cannot read again.
 */
export async function onceByKey<T>(
  tx: Tx,
  command: string,
  input: Keyed,
  outcome: z.ZodType<T>,
  first: () => Promise<T>,
): Promise<{ outcome: T; again: boolean }> {
  const terms = termsOf(command, input);
  const { characterId, idempotencyKey: key } = input;
  const claimed = await tx.$queryRaw<unknown[]>`
    INSERT INTO "CommandReceipt" ("characterId", "key", "terms")
    VALUES (${characterId}, ${key}, ${terms})
    ON CONFLICT DO NOTHING RETURNING 1`;
  if (claimed.length === 0) {
    const [prior] = await tx.$queryRaw<{ terms: string; outcome: unknown }[]>`
      SELECT "terms", "outcome" FROM "CommandReceipt"
      WHERE "characterId" = ${characterId} AND "key" = ${key}`;
    // gone meanwhile only if the cleanup took a 30-day-old key: not this intent's
    if (!prior || prior.terms !== terms) throw keyReused();
    return { outcome: outcome.parse(prior.outcome), again: true };
  }
  const out = await first();
  await tx.$executeRaw`
    UPDATE "CommandReceipt" SET "outcome" = ${JSON.stringify(out)}::jsonb
    WHERE "characterId" = ${characterId} AND "key" = ${key}`;
  return { outcome: out, again: false };
}
