import { formatWait } from '@necp/shared';
import { DomainError } from '../core/errors';

/**
 * Queueing refused while a member serves a penalty for a declined or missed ready
 * check; `until` lets the client count down.
 */
export class QueuePenaltyError extends DomainError {
  constructor(
    readonly characterId: string,
    readonly until: Date,
    userMessage: string,
  ) {
    super(
      'RATE_LIMITED',
      `queue penalty of ${characterId} until ${until.toISOString()}`,
      userMessage,
    );
  }
}

export function queuePenaltyError(
  who: { characterId: string; name: string; self: boolean },
  until: Date,
  nowMs: number,
): QueuePenaltyError {
  const left = formatWait(until.getTime() - nowMs);
  return new QueuePenaltyError(
    who.characterId,
    until,
    who.self
      ? `You declined or missed a ready check: you can queue again in ${left}.`
      : `${who.name} declined or missed a ready check and cannot queue for ${left}.`,
  );
}

export const notQueued = () =>
  new DomainError('NOT_FOUND', 'not queued', 'You are not in a queue.');

export const noReadyCheck = () =>
  new DomainError('NOT_FOUND', 'no ready check', 'That match is no longer waiting for you.');

export const matchStarted = () =>
  new DomainError('INVALID_STATE', 'match confirmed', 'That match has already started.');

export function busyError(
  who: { name: string; self: boolean },
  busy: 'queued' | 'match',
): DomainError {
  const where = busy === 'queued' ? 'in a queue' : 'in a match';
  return new DomainError(
    'CONFLICT',
    `already ${where}`,
    who.self ? `You are already ${where}.` : `${who.name} is already ${where}.`,
  );
}
