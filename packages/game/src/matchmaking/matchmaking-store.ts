/**
 * Where queues, tickets and matches live (docs/matchmaking.md): Redis when the
 * deployment has it (any sim process can run the matcher), memory in a single
 * process. Every method is one atomic step: two processes can never claim one
 * ticket twice, confirm a match twice or dissolve it twice.
 */
import type { QueueId } from '@necp/shared';
import type { MatchRecord, MatchState, QueueTicket } from './tickets';

export type EnqueueOutcome =
  | { ok: true }
  /** a member of the ticket is already queued, or in a pending or confirmed match */
  | { ok: false; characterId: string; busy: 'queued' | 'match' };

/** Where a character is in matchmaking (null: nowhere). */
export type Whereabouts =
  { kind: 'queued'; ticket: QueueTicket } | { kind: 'match'; match: MatchState } | null;

export type AcceptOutcome =
  /** recorded; others still have to accept */
  | { kind: 'pending'; acceptedCount: number }
  /** this accept was the last one: the match is confirmed (exactly one caller sees this) */
  | { kind: 'confirmed' }
  /** the ready check is over (its deadline passed) */
  | { kind: 'late' }
  /** not a pending match (dissolved, confirmed or unknown) */
  | { kind: 'gone' };

/** Requeue or free the members of a dissolved match. */
export interface Dissolve {
  /** tickets that go back to their queue with their original enqueue time */
  requeue: readonly QueueTicket[];
}

export interface MatchmakingStore {
  /** Adds the ticket unless one of its members is queued or in a match. */
  enqueue(ticket: QueueTicket): Promise<EnqueueOutcome>;
  /** Takes the ticket holding this character out of its queue (the whole party's). Null: not queued. */
  leave(characterId: string): Promise<QueueTicket | null>;
  whereabouts(characterId: string): Promise<Whereabouts>;
  /** The queue's oldest tickets, oldest first. */
  oldestTickets(queue: QueueId, limit: number): Promise<QueueTicket[]>;
  /**
   * Moves the match's tickets out of the queue into a new pending match, all or
   * none: false when any of them is no longer queued (another matcher took it,
   * or its player left). Records each ticket's wait for the estimate.
   */
  claim(match: MatchRecord): Promise<boolean>;
  match(matchId: string): Promise<MatchState | null>;
  /** Records an accept (the caller checked the character is in the match). */
  accept(match: MatchRecord, characterId: string, nowMs: number): Promise<AcceptOutcome>;
  /**
   * Ends a pending match's ready check: `requeue` go back to the queue, every other
   * member is freed. False when it was not pending any more (someone else
   * dissolved it, or it was confirmed) — then nothing changed.
   */
  dissolve(match: MatchRecord, d: Dissolve): Promise<boolean>;
  /** Ids of pending matches whose deadline is at or before `nowMs`. */
  dueReadyChecks(nowMs: number, limit: number): Promise<string[]>;
  /** A confirmed match ended (its instance closed): its members are free. False: not confirmed. */
  release(match: MatchRecord): Promise<boolean>;
  /** The latest waits (ms, queue to formed match) of a queue, newest first. */
  recentWaits(queue: QueueId): Promise<number[]>;
  /**
   * Takes a ticket out of its queue by id (a backfill ticket has no member to find
   * it by). False when it is not queued (claimed into a ready check, or gone).
   */
  withdraw(queue: QueueId, ticketId: string): Promise<boolean>;
  /**
   * One member of a confirmed match is out of it (left its instance early): they may
   * queue again while the match goes on. False when they were not in that match.
   */
  freeMember(matchId: string, characterId: string): Promise<boolean>;
}

/**
 * A pending match whose matcher vanished stays claimable by the sweep for this
 * long (Redis expiry), and a confirmed match whose instance never reported its end
 * frees its players after MATCH_CONFIRMED_TTL_MS.
 */
export const MATCH_PENDING_TTL_MS = 10 * 60_000;
export const MATCH_CONFIRMED_TTL_MS = 4 * 60 * 60_000;
