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
 * What is read back goes through its schema (redis-records.ts): a ticket nobody can read
 * is as good as gone — the matcher drops it from its queue, and a member who leaves it is
 * freed of it — and an unreadable match is no match (its keys expire).
 */
import type { Redis } from 'ioredis';
import { WAIT_SAMPLE_SIZE, type QueueId } from '@necp/shared';
import type { Log } from '../core/log';
import { parseStored } from '../core/redis-values';
import {
  MATCH_CONFIRMED_TTL_MS,
  MATCH_PENDING_TTL_MS,
  type AcceptOutcome,
  type Dissolve,
  type EnqueueOutcome,
  type MatchmakingStore,
  type Whereabouts,
} from './matchmaking-store';
import { MatchRecordSchema, QueueTicketSchema, WaitSchema } from './redis-records';
import { runScript, withMatchmakingCommands, type MatchmakingCommands } from './redis-scripts';
import {
  matchMemberIds,
  memberIdsOf,
  ticketsOf,
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

export class RedisMatchmakingStore implements MatchmakingStore {
  private readonly cmd: MatchmakingCommands;

  /** `log`: hears of values it cannot read (a ticket or a match) */
  constructor(
    private readonly redis: Redis,
    private readonly log?: Log,
  ) {
    this.cmd = withMatchmakingCommands(redis);
  }

  /** The ticket stored under `id`'s key; undefined when there is none or it is not one (logged). */
  private ticket(raw: string | null, id: string): QueueTicket | undefined {
    const t = parseStored(QueueTicketSchema, raw, (reason) =>
      this.unreadable(ticketKey(id), reason),
    );
    if (t?.id === id) return t;
    if (t) this.unreadable(ticketKey(id), `holds ticket ${t.id}`);
    return undefined;
  }

  private unreadable(key: string, reason: string): void {
    this.log?.warn({ key, reason }, 'unreadable matchmaking value ignored');
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
    const ticketId = spot.slice(2);
    const raw = await this.redis.get(ticketKey(ticketId));
    const ticket = this.ticket(raw, ticketId);
    if (!ticket) {
      // claimed in between (now in a match), or unreadable or dropped by the matcher:
      // then this member is freed of it (the script tells the two apart)
      await runScript(
        this.cmd,
        'necpMmFreeSpot',
        [whoKey(characterId), ticketKey(ticketId)],
        [spot, raw ?? ''],
      );
      return null;
    }
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
        const raw = await this.redis.get(ticketKey(spot.slice(2)));
        const ticket = this.ticket(raw, spot.slice(2));
        if (ticket) return { kind: 'queued', ticket };
        if (raw !== null) return null; // unreadable: reading it again will not help
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
    const tickets: QueueTicket[] = [];
    for (const [i, raw] of rows.entries()) {
      const id = ids[i]!;
      if (raw === null) continue; // claimed or left since the range was read
      const t = this.ticket(raw, id);
      if (t?.queue === queue) tickets.push(t);
      else {
        if (t) this.unreadable(ticketKey(id), `a ${t.queue} ticket in the ${queue} queue`);
        // not a ticket of this queue: dropped, never matched (and never in the way)
        await runScript(
          this.cmd,
          'necpMmDropUnreadable',
          [queueKey(queue), ticketKey(id)],
          [id, raw],
        );
      }
    }
    return tickets;
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
    const record = this.matchRecord(json, matchId);
    if (!record || (phase !== 'pending' && phase !== 'confirmed')) return null;
    return { ...record, phase, accepted };
  }

  /** The match stored under `matchId`'s key; undefined when there is none or it is not one (logged). */
  private matchRecord(raw: string | null, matchId: string): MatchRecord | undefined {
    const m = parseStored(MatchRecordSchema, raw, (reason) =>
      this.unreadable(matchKey(matchId), reason),
    );
    if (m?.id === matchId) return m;
    if (m) this.unreadable(matchKey(matchId), `holds match ${m.id}`);
    return undefined;
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
    // an entry whose match expired (no sweep ran for MATCH_PENDING_TTL_MS) is dropped
    // here, and one whose match nobody can read (it is never rewritten; its keys expire)
    const rows = await this.redis.mget(ids.map(matchKey));
    const alive = ids.map((id, i) => this.matchRecord(rows[i] ?? null, id) !== undefined);
    const gone = ids.filter((_, i) => !alive[i]);
    if (gone.length > 0) await this.redis.zrem(READY_CHECKS, ...gone);
    return ids.filter((_, i) => alive[i]);
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
    // an entry that is not a number is left out (not logged: the list turns over by itself)
    return (await this.redis.lrange(waitsKey(queue), 0, WAIT_SAMPLE_SIZE - 1)).flatMap(
      (raw) => parseStored(WaitSchema, raw) ?? [],
    );
  }

  async withdraw(queue: QueueId, ticketId: string): Promise<boolean> {
    const ticket = this.ticket(await this.redis.get(ticketKey(ticketId)), ticketId);
    // the leave script with the ticket's members' spots (a backfill ticket has none; an
    // unreadable one names nobody: it leaves its queue all the same)
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
