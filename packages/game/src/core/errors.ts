/** The closed set of domain error codes; each transport maps them once (tRPC codes, socket acks). */
export const DOMAIN_ERROR_CODES = [
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_STATE',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'VALIDATION',
  /** worth retrying in a moment: e.g. no sim process owns the zone yet (one is taking over) */
  'UNAVAILABLE',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A known failure of a domain rule. `userMessage` is safe to show to the player. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly userMessage: string = message,
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Someone else's character is NOT_FOUND, like a missing one (never FORBIDDEN: that would tell it exists). */
export const characterNotFound = (characterId: string) =>
  new DomainError(
    'NOT_FOUND',
    `character ${characterId} not found for this user`,
    'Character not found',
  );

/** An account that does not exist (or no longer does). */
export const accountNotFound = (userId: string) =>
  new DomainError('NOT_FOUND', `user ${userId} not found`, 'Account not found');

/**
 * A command's idempotency key already made something else (another recipe, item or
 * order): the client drew one key for two intents, so nothing is done.
 */
export const keyReused = () =>
  new DomainError(
    'CONFLICT',
    'idempotency key used for another command',
    'That request was already used for something else: try again.',
  );
