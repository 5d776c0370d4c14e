import { randomUUID } from 'node:crypto';
import {
  ARENA_QUEUE,
  CharacterJoinQueueSchema,
  type JoinQueueInput,
  type QueueId,
} from '@necp/shared';
import { parseInput } from '../core/validation';
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
  // a union's issues ("Invalid input") tell the player nothing: one message for all
  const { characterId, request } = parseInput(
    CharacterJoinQueueSchema,
    input,
    'That is not a queue you can join.',
  );
  const queue = queueIdOf(request);
  const { partyId, members } = await ticketMembers(deps, characterId, request, queue);
  assertLevelRange(queue, characterId, members);
  await assertNoQueuePenalty(deps, characterId, members);
  const ratings = members.map((m) => m.rating).filter((r): r is number => r !== null);
  const ticket: QueueTicket = {
    id: randomUUID(),
    queue,
    leaderId: characterId,
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
      { name: who?.name ?? 'A party member', self: r.characterId === characterId },
      r.busy,
    );
  }
  return readQueueStatus(deps, { characterId });
}
