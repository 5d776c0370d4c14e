/**
 * Backfill (docs/matchmaking.md "Backfill"): a dungeon member left before the boss
 * fell, and the instance asks the queue for a replacement with the leaver's role.
 * The request is a ticket without members in the dungeon queue: the matcher pairs
 * it with one solo (backfill-matches.ts), the store claims both at once (nobody in
 * two places), the solo alone answers the ready check; a decline or a timeout puts
 * the backfill ticket back at the front. The instance withdraws it when the dungeon
 * is cleared or closes; the matcher drops one whose instance has closed.
 */
import { randomUUID } from 'node:crypto';
import { QUEUE_SPECS, type GroupRole, type QueueId } from '@necp/shared';
import type { MatchmakingDeps } from './matchmaking-deps';
import type { QueueTicket } from './tickets';

export interface RequestBackfillInput {
  queue: QueueId;
  /** the group's confirmed match and its instance's zone id */
  matchId: string;
  instanceId: string;
  /** the leaver's role */
  role: GroupRole;
  /** the levels of the members still in the group */
  levels: readonly number[];
}

/** Queues a backfill ticket; returns its id. */
export async function requestBackfill(
  deps: Pick<MatchmakingDeps, 'store' | 'clock'>,
  input: RequestBackfillInput,
): Promise<string> {
  if (QUEUE_SPECS[input.queue].kind === 'arena') throw new Error('no backfill in the arena');
  const ticket: QueueTicket = {
    id: randomUUID(),
    queue: input.queue,
    leaderId: input.matchId,
    partyId: null,
    members: [],
    rating: null,
    enqueuedAt: deps.clock.ms(),
    backfill: {
      matchId: input.matchId,
      instanceId: input.instanceId,
      role: input.role,
      levels: [...input.levels],
    },
  };
  // no members: nothing can make it refuse
  await deps.store.enqueue(ticket);
  return ticket.id;
}

/** Takes a backfill ticket out of its queue; false when it is not queued (in a ready check, or gone). */
export function withdrawBackfill(
  deps: Pick<MatchmakingDeps, 'store'>,
  input: { queue: QueueId; ticketId: string },
): Promise<boolean> {
  return deps.store.withdraw(input.queue, input.ticketId);
}

/**
 * The queue's tickets without backfill tickets whose instance is no longer open
 * (its host died, or a ready check put one back after it closed): those are
 * withdrawn, so nobody is sent to a group that is gone.
 */
export async function dropStaleBackfills(
  deps: MatchmakingDeps,
  tickets: readonly QueueTicket[],
): Promise<QueueTicket[]> {
  const ids = [...new Set(tickets.flatMap((t) => (t.backfill ? [t.backfill.instanceId] : [])))];
  if (ids.length === 0) return [...tickets];
  const open = await deps.db.instance.findMany({
    where: { id: { in: ids }, state: 'open' },
    select: { id: true },
  });
  const live = new Set(open.map((i) => i.id));
  const out: QueueTicket[] = [];
  for (const t of tickets) {
    if (t.backfill && !live.has(t.backfill.instanceId)) await deps.store.withdraw(t.queue, t.id);
    else out.push(t);
  }
  return out;
}
