/** Helpers every domain's services use at their edge. */
import type { z } from 'zod';
import { Prisma } from '@necp/db';
import { DomainError } from './errors';

/**
 * Services parse their own input (they are called by tRPC, the sim and next-auth
 * alike); a failure becomes VALIDATION carrying the first issue's message.
 * `userMessage` replaces that message for the player where an issue would read
 * badly (a union's "Invalid input"); the log still names the issue.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  userMessage?: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new DomainError(
    'VALIDATION',
    `invalid input: ${where}${issue?.message ?? 'unknown'}`,
    userMessage ?? issue?.message ?? 'Invalid input',
  );
}

/** Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}
