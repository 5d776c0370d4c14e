import { randomUUID } from 'node:crypto';
import { ARENA_QUEUE, JoinQueueInputSchema, type JoinQueueInput, type QueueId } from '@necp/shared';
import { DomainError } from '../core/errors';
import { assertLevelRange, busyError } from './errors';
import type { MatchmakingDeps } from './matchmaking-deps';
import { assertNoQueuePenalty } from './penalties';
import { readQueueStatus, type QueueStatusView } from './queue-status';
import { ticketMembers } from './ticket-members';
import type { QueueTicket } from './tickets';

export const queueIdOf = (input: JoinQueueInput): QueueId =>
  input.queue === 'arena' ? ARENA_QUEUE[input.bracket] : input.queue;

/**
 * Queue the caller (or the caller's party, as its leader) for a dungeon, an arena
 * bracket or a raid. Refused when a member is outside the queue's levels
 * (LevelRangeError), while serving a queue penalty, and while anyone of the ticket
 * is queued already or in a match (the store checks that atomically).
 */
export async function joinQueue(
  deps: MatchmakingDeps,
  input: { characterId: string; request: JoinQueueInput },
): Promise<QueueStatusView> {
  const parsed = JoinQueueInputSchema.safeParse(input.request);
  if (!parsed.success)
    throw new DomainError(
      'VALIDATION',
      `bad queue request: ${parsed.error.issues[0]?.message ?? ''}`,
      'That is not a queue you can join.',
    );
  const request = parsed.data;
  const queue = queueIdOf(request);
  const { partyId, members } = await ticketMembers(deps, input.characterId, request, queue);
  assertLevelRange(queue, input.characterId, members);
  await assertNoQueuePenalty(deps, input.characterId, members);
  const ratings = members.map((m) => m.rating).filter((r): r is number => r !== null);
  const ticket: QueueTicket = {
    id: randomUUID(),
    queue,
    leaderId: input.characterId,
    partyId,
    members,
    rating: ratings.length > 0 ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    enqueuedAt: deps.clock.ms(),
    ...(request.queue !== 'arena' && request.premade ? { premade: true } : {}),
  };
  const r = await deps.store.enqueue(ticket);
  if (!r.ok) {
    const who = members.find((m) => m.characterId === r.characterId);
    throw busyError(
      { name: who?.name ?? 'A party member', self: r.characterId === input.characterId },
      r.busy,
    );
  }
  return readQueueStatus(deps, { characterId: input.characterId });
}
