import { formatWait, levelRangeReason, outOfLevelRange, type QueueId } from '@necp/shared';
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

/**
 * Queueing refused: the queue is for other levels (docs/matchmaking.md "Level
 * ranges"). `characterIds` are the members out of range; the message names them.
 */
export class LevelRangeError extends DomainError {
  constructor(
    readonly characterIds: string[],
    userMessage: string,
  ) {
    super('FORBIDDEN', `out of the queue's level range: ${characterIds.join(', ')}`, userMessage);
  }
}

/** Throws a LevelRangeError when any member of the ticket is outside the queue's levels. */
export function assertLevelRange(
  queue: QueueId,
  callerId: string,
  members: readonly { characterId: string; name: string; level: number }[],
): void {
  const who = members.map((m) => ({ ...m, self: m.characterId === callerId }));
  const reason = levelRangeReason(queue, who);
  if (reason === null) return;
  throw new LevelRangeError(
    outOfLevelRange(queue, who).map((m) => m.characterId),
    reason,
  );
}
