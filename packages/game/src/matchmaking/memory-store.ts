/**
 * The matchmaking store of a single process without Redis. Each method runs to its
 * end without awaiting, so it is as atomic as the Redis scripts. Expiry (Redis's
 * PX in the other store) is checked lazily against the injected clock.
 */
import { WAIT_SAMPLE_SIZE, type QueueId } from '@necp/shared';
import type { Clock } from '../core/clock';
import {
  MATCH_CONFIRMED_TTL_MS,
  MATCH_PENDING_TTL_MS,
  type AcceptOutcome,
  type Dissolve,
  type EnqueueOutcome,
  type MatchmakingStore,
  type Whereabouts,
} from './matchmaking-store';
import {
  matchMemberIds,
  memberIdsOf,
  ticketsOf,
  type MatchPhase,
  type MatchRecord,
  type MatchState,
  type QueueTicket,
} from './tickets';

interface HeldMatch {
  record: MatchRecord;
  phase: MatchPhase;
  accepted: Set<string>;
  expiresAt: number;
}

type Spot = { queued: string } | { match: string };

/** JSON round trip: callers never share objects with the store (as with Redis). */
const copy = <T>(v: T): T => structuredClone(v);

export class MemoryMatchmakingStore implements MatchmakingStore {
  private readonly queued = new Map<string, QueueTicket>();
  private readonly spots = new Map<string, Spot>();
  private readonly matches = new Map<string, HeldMatch>();
  private readonly waits = new Map<QueueId, number[]>();

  constructor(private readonly clock: Clock) {}

  async enqueue(ticket: QueueTicket): Promise<EnqueueOutcome> {
    for (const id of memberIdsOf(ticket)) {
      const spot = this.spot(id);
      if (spot) return { ok: false, characterId: id, busy: 'queued' in spot ? 'queued' : 'match' };
    }
    this.queued.set(ticket.id, copy(ticket));
    for (const id of memberIdsOf(ticket)) this.spots.set(id, { queued: ticket.id });
    return { ok: true };
  }

  async leave(characterId: string): Promise<QueueTicket | null> {
    const spot = this.spot(characterId);
    if (!spot || !('queued' in spot)) return null;
    const ticket = this.queued.get(spot.queued)!;
    this.queued.delete(ticket.id);
    for (const id of memberIdsOf(ticket)) this.spots.delete(id);
    return copy(ticket);
  }

  async whereabouts(characterId: string): Promise<Whereabouts> {
    const spot = this.spot(characterId);
    if (!spot) return null;
    if ('queued' in spot) return { kind: 'queued', ticket: copy(this.queued.get(spot.queued)!) };
    return { kind: 'match', match: this.stateOf(this.matches.get(spot.match)!) };
  }

  async oldestTickets(queue: QueueId, limit: number): Promise<QueueTicket[]> {
    // Redis's order: score (enqueue time), then id
    return [...this.queued.values()]
      .filter((t) => t.queue === queue)
      .sort((a, b) => a.enqueuedAt - b.enqueuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map(copy);
  }

  async claim(match: MatchRecord): Promise<boolean> {
    const tickets = ticketsOf(match);
    if (!tickets.every((t) => this.queued.has(t.id))) return false;
    for (const t of tickets) this.queued.delete(t.id);
    for (const id of matchMemberIds(match)) this.spots.set(id, { match: match.id });
    this.matches.set(match.id, {
      record: copy(match),
      phase: 'pending',
      accepted: new Set(),
      expiresAt: this.clock.ms() + MATCH_PENDING_TTL_MS,
    });
    const waits = this.waits.get(match.queue) ?? [];
    // newest first, in the order Redis's LPUSH of each in turn leaves them
    // a premade party waits for nobody: its wait says nothing about the queue's
    // (nor does a backfill ticket: no player waited on it)
    const sampled = tickets.filter((t) => !t.premade && !t.backfill);
    waits.unshift(...sampled.map((t) => match.formedAt - t.enqueuedAt).reverse());
    this.waits.set(match.queue, waits.slice(0, WAIT_SAMPLE_SIZE));
    return true;
  }

  async match(matchId: string): Promise<MatchState | null> {
    const m = this.held(matchId);
    return m ? this.stateOf(m) : null;
  }

  async accept(match: MatchRecord, characterId: string, nowMs: number): Promise<AcceptOutcome> {
    const m = this.held(match.id);
    if (!m || m.phase !== 'pending') return { kind: 'gone' };
    if (nowMs >= m.record.deadline) return { kind: 'late' };
    m.accepted.add(characterId);
    if (m.accepted.size < matchMemberIds(m.record).length)
      return { kind: 'pending', acceptedCount: m.accepted.size };
    m.phase = 'confirmed';
    m.expiresAt = this.clock.ms() + MATCH_CONFIRMED_TTL_MS;
    return { kind: 'confirmed' };
  }

  async dissolve(match: MatchRecord, d: Dissolve): Promise<boolean> {
    const m = this.held(match.id);
    if (!m || m.phase !== 'pending') return false;
    this.drop(match.id);
    for (const t of d.requeue) {
      this.queued.set(t.id, copy(t));
      for (const id of memberIdsOf(t)) this.spots.set(id, { queued: t.id });
    }
    return true;
  }

  async dueReadyChecks(nowMs: number, limit: number): Promise<string[]> {
    return [...this.matches.keys()]
      .map((id) => this.held(id))
      .filter((m): m is HeldMatch => m?.phase === 'pending' && m.record.deadline <= nowMs)
      .sort((a, b) => a.record.deadline - b.record.deadline)
      .slice(0, limit)
      .map((m) => m.record.id);
  }

  async release(match: MatchRecord): Promise<boolean> {
    const m = this.held(match.id);
    if (!m || m.phase !== 'confirmed') return false;
    this.drop(match.id);
    return true;
  }

  async recentWaits(queue: QueueId): Promise<number[]> {
    return [...(this.waits.get(queue) ?? [])];
  }

  async withdraw(queue: QueueId, ticketId: string): Promise<boolean> {
    const ticket = this.queued.get(ticketId);
    if (ticket?.queue !== queue) return false;
    this.queued.delete(ticketId);
    for (const id of memberIdsOf(ticket)) this.spots.delete(id);
    return true;
  }

  async freeMember(matchId: string, characterId: string): Promise<boolean> {
    const m = this.held(matchId);
    const spot = this.spots.get(characterId);
    if (m?.phase !== 'confirmed' || !spot || !('match' in spot) || spot.match !== matchId)
      return false;
    this.spots.delete(characterId);
    return true;
  }

  /** The character's spot, forgetting one in a match that expired. */
  private spot(characterId: string): Spot | undefined {
    const spot = this.spots.get(characterId);
    if (spot && 'match' in spot && !this.held(spot.match)) return undefined;
    return spot;
  }

  private held(matchId: string): HeldMatch | undefined {
    const m = this.matches.get(matchId);
    if (m && m.expiresAt <= this.clock.ms()) {
      this.drop(matchId);
      return undefined;
    }
    return m;
  }

  /** Forgets a match and frees the members still marked as in it. */
  private drop(matchId: string): void {
    const m = this.matches.get(matchId);
    if (!m) return;
    this.matches.delete(matchId);
    for (const id of matchMemberIds(m.record)) {
      const s = this.spots.get(id);
      if (s && 'match' in s && s.match === matchId) this.spots.delete(id);
    }
  }

  private stateOf(m: HeldMatch): MatchState {
    return { ...copy(m.record), phase: m.phase, accepted: [...m.accepted] };
  }
}
