/**
 * The matchmaking store on Redis, shared by every sim process of a deployment. Keys
 * (under the client's deployment prefix, core/redis.ts):
 *   mm:queue:<queueId>        sorted set of ticket ids by enqueue time (ms)
 *   mm:ticket:<ticketId>      the ticket (JSON) while it is queued
 *   mm:who:<characterId>      'q:<ticketId>' or 'm:<matchId>': one place per character
 *   mm:match:<matchId>        the match (JSON), :state 'pending' | 'confirmed', :accepted a set
 *   mm:ready-checks           sorted set of pending match ids by deadline
 *   mm:waits:<queueId>        the latest waits (ms), newest first
 * Every change is one Lua script (redis-scripts.ts) that re-checks what it relies on;
 * reads that span keys (whereabouts) may see a step in between and retry.
 */
import type { Redis } from 'ioredis';
import { WAIT_SAMPLE_SIZE, type QueueId } from '@necp/shared';
import {
  MATCH_CONFIRMED_TTL_MS,
  MATCH_PENDING_TTL_MS,
  type AcceptOutcome,
  type Dissolve,
  type EnqueueOutcome,
  type MatchmakingStore,
  type Whereabouts,
} from './matchmaking-store';
import { runScript, withMatchmakingCommands, type MatchmakingCommands } from './redis-scripts';
import {
  matchMemberIds,
  memberIdsOf,
  ticketsOf,
  type MatchPhase,
  type MatchRecord,
  type MatchState,
  type QueueTicket,
} from './tickets';

const queueKey = (q: QueueId) => `mm:queue:${q}`;
const ticketKey = (id: string) => `mm:ticket:${id}`;
const whoKey = (characterId: string) => `mm:who:${characterId}`;
const matchKey = (id: string) => `mm:match:${id}`;
const stateKey = (id: string) => `mm:match:${id}:state`;
const acceptedKey = (id: string) => `mm:match:${id}:accepted`;
const READY_CHECKS = 'mm:ready-checks';
const waitsKey = (q: QueueId) => `mm:waits:${q}`;
const inQueue = (ticketId: string) => `q:${ticketId}`;
const inMatch = (matchId: string) => `m:${matchId}`;

const parse = <T>(json: string | null): T | null =>
  json === null ? null : (JSON.parse(json) as T);

export class RedisMatchmakingStore implements MatchmakingStore {
  private readonly cmd: MatchmakingCommands;

  constructor(private readonly redis: Redis) {
    this.cmd = withMatchmakingCommands(redis);
  }

  async enqueue(ticket: QueueTicket): Promise<EnqueueOutcome> {
    const ids = memberIdsOf(ticket);
    const r = await runScript(
      this.cmd,
      'necpMmEnqueue',
      [queueKey(ticket.queue), ticketKey(ticket.id), ...ids.map(whoKey)],
      [ticket.id, ticket.enqueuedAt, JSON.stringify(ticket), inQueue(ticket.id)],
    );
    if (r === 0) return { ok: true };
    const [i, spot] = r;
    return {
      ok: false,
      characterId: ids[i - 1]!,
      busy: spot.startsWith('q:') ? 'queued' : 'match',
    };
  }

  async leave(characterId: string): Promise<QueueTicket | null> {
    const spot = await this.redis.get(whoKey(characterId));
    if (!spot?.startsWith('q:')) return null;
    const ticket = parse<QueueTicket>(await this.redis.get(ticketKey(spot.slice(2))));
    if (!ticket) return null; // claimed in between: now in a match
    const left = await runScript(
      this.cmd,
      'necpMmLeave',
      [queueKey(ticket.queue), ticketKey(ticket.id), ...memberIdsOf(ticket).map(whoKey)],
      [ticket.id, inQueue(ticket.id)],
    );
    return left === 1 ? ticket : null;
  }

  async whereabouts(characterId: string): Promise<Whereabouts> {
    // a claim or dissolve may land between the reads: read again
    for (let attempt = 0; attempt < 3; attempt++) {
      const spot = await this.redis.get(whoKey(characterId));
      if (!spot) return null;
      if (spot.startsWith('q:')) {
        const ticket = parse<QueueTicket>(await this.redis.get(ticketKey(spot.slice(2))));
        if (ticket) return { kind: 'queued', ticket };
      } else {
        const match = await this.match(spot.slice(2));
        if (match) return { kind: 'match', match };
      }
    }
    return null;
  }

  async oldestTickets(queue: QueueId, limit: number): Promise<QueueTicket[]> {
    const ids = await this.redis.zrange(queueKey(queue), '0', String(limit - 1));
    if (ids.length === 0) return [];
    const rows = await this.redis.mget(ids.map(ticketKey));
    return rows.map((r) => parse<QueueTicket>(r)).filter((t): t is QueueTicket => t !== null);
  }

  async claim(match: MatchRecord): Promise<boolean> {
    const tickets = ticketsOf(match);
    const n = tickets.length;
    const r = await runScript(
      this.cmd,
      'necpMmClaim',
      [
        queueKey(match.queue),
        READY_CHECKS,
        matchKey(match.id),
        stateKey(match.id),
        waitsKey(match.queue),
        ...tickets.map((t) => ticketKey(t.id)),
        ...matchMemberIds(match).map(whoKey),
      ],
      [
        match.id,
        JSON.stringify(match),
        match.deadline,
        MATCH_PENDING_TTL_MS,
        n,
        ...tickets.map((t) => t.id),
        inMatch(match.id),
        WAIT_SAMPLE_SIZE,
        // a premade party waits for nobody: its wait says nothing about the queue's
        // (nor does a backfill ticket: no player waited on it)
        ...tickets
          .filter((t) => !t.premade && !t.backfill)
          .map((t) => match.formedAt - t.enqueuedAt),
      ],
    );
    return r === 1;
  }

  async match(matchId: string): Promise<MatchState | null> {
    const [[, json], [, phase], [, accepted]] = (await this.redis
      .multi()
      .get(matchKey(matchId))
      .get(stateKey(matchId))
      .smembers(acceptedKey(matchId))
      .exec()) as [[null, string | null], [null, string | null], [null, string[]]];
    const record = parse<MatchRecord>(json);
    if (!record || (phase !== 'pending' && phase !== 'confirmed')) return null;
    return { ...record, phase: phase as MatchPhase, accepted };
  }

  async accept(match: MatchRecord, characterId: string, nowMs: number): Promise<AcceptOutcome> {
    const members = matchMemberIds(match);
    const [kind, count] = await runScript(
      this.cmd,
      'necpMmAccept',
      [
        stateKey(match.id),
        acceptedKey(match.id),
        READY_CHECKS,
        matchKey(match.id),
        ...members.map(whoKey),
      ],
      [match.id, characterId, nowMs, match.deadline, members.length, MATCH_CONFIRMED_TTL_MS],
    );
    if (kind === 'pending') return { kind, acceptedCount: count ?? 0 };
    if (kind === 'confirmed' || kind === 'late') return { kind };
    return { kind: 'gone' };
  }

  async dissolve(match: MatchRecord, d: Dissolve): Promise<boolean> {
    const back = new Map<string, string>();
    for (const t of d.requeue) for (const id of memberIdsOf(t)) back.set(id, inQueue(t.id));
    const members = matchMemberIds(match);
    const r = await runScript(
      this.cmd,
      'necpMmDissolve',
      [
        stateKey(match.id),
        acceptedKey(match.id),
        READY_CHECKS,
        matchKey(match.id),
        queueKey(match.queue),
        ...d.requeue.map((t) => ticketKey(t.id)),
        ...members.map(whoKey),
      ],
      [
        match.id,
        inMatch(match.id),
        d.requeue.length,
        ...d.requeue.flatMap((t) => [t.id, t.enqueuedAt, JSON.stringify(t)]),
        ...members.map((id) => back.get(id) ?? ''),
      ],
    );
    return r === 1;
  }

  async dueReadyChecks(nowMs: number, limit: number): Promise<string[]> {
    const ids = await this.redis.zrangebyscore(
      READY_CHECKS,
      '-inf',
      String(nowMs),
      'LIMIT',
      0,
      limit,
    );
    if (ids.length === 0) return [];
    // an entry whose match expired (no sweep ran for MATCH_PENDING_TTL_MS) is dropped here
    const alive = await this.redis.mget(ids.map(matchKey));
    const gone = ids.filter((_, i) => alive[i] === null);
    if (gone.length > 0) await this.redis.zrem(READY_CHECKS, ...gone);
    return ids.filter((_, i) => alive[i] !== null);
  }

  async release(match: MatchRecord): Promise<boolean> {
    const r = await runScript(
      this.cmd,
      'necpMmRelease',
      [
        stateKey(match.id),
        acceptedKey(match.id),
        matchKey(match.id),
        ...matchMemberIds(match).map(whoKey),
      ],
      [inMatch(match.id)],
    );
    return r === 1;
  }

  async recentWaits(queue: QueueId): Promise<number[]> {
    return (await this.redis.lrange(waitsKey(queue), 0, WAIT_SAMPLE_SIZE - 1)).map(Number);
  }

  async withdraw(queue: QueueId, ticketId: string): Promise<boolean> {
    const ticket = parse<QueueTicket>(await this.redis.get(ticketKey(ticketId)));
    // the leave script with the ticket's members' spots (a backfill ticket has none)
    const left = await runScript(
      this.cmd,
      'necpMmLeave',
      [queueKey(queue), ticketKey(ticketId), ...(ticket ? memberIdsOf(ticket) : []).map(whoKey)],
      [ticketId, inQueue(ticketId)],
    );
    return left === 1;
  }

  async freeMember(matchId: string, characterId: string): Promise<boolean> {
    const r = await runScript(
      this.cmd,
      'necpMmFreeMember',
      [stateKey(matchId), whoKey(characterId)],
      [inMatch(matchId)],
    );
    return r === 1;
  }
}
