/**
 * The Redis store's atomic steps as Lua scripts (see redis-store.ts for the keys).
 * They take a variable number of keys (numkeys first), so ioredis prefixes every
 * key with the deployment's namespace; values a script compares are passed as ARGV.
 */
import type { Redis } from 'ioredis';

/** KEYS: queue, ticket, who×n · ARGV: ticketId, score, ticketJson, 'q:<ticketId>'. Returns 0, or {i, value} of the first busy member. */
const ENQUEUE = `
for i = 3, #KEYS do
  local v = redis.call('get', KEYS[i])
  if v then return { i - 2, v } end
end
for i = 3, #KEYS do redis.call('set', KEYS[i], ARGV[4]) end
redis.call('set', KEYS[2], ARGV[3])
redis.call('zadd', KEYS[1], ARGV[2], ARGV[1])
return 0`;

/** KEYS: queue, ticket, who×n · ARGV: ticketId, 'q:<ticketId>'. 0 when the ticket is no longer queued. */
const LEAVE = `
if not redis.call('zscore', KEYS[1], ARGV[1]) then return 0 end
redis.call('zrem', KEYS[1], ARGV[1])
redis.call('del', KEYS[2])
for i = 3, #KEYS do
  if redis.call('get', KEYS[i]) == ARGV[2] then redis.call('del', KEYS[i]) end
end
return 1`;

/**
 * KEYS: queue, readyChecks, match, state, waits, ticket×n, who×m
 * ARGV: matchId, matchJson, deadline, ttlMs, n, ticketId×n, 'm:<matchId>', waitSample, wait×n
 * All tickets still queued, or nothing happens (0).
 */
const CLAIM = `
local n = tonumber(ARGV[5])
for i = 1, n do
  if not redis.call('zscore', KEYS[1], ARGV[5 + i]) then return 0 end
end
for i = 1, n do
  redis.call('zrem', KEYS[1], ARGV[5 + i])
  redis.call('del', KEYS[5 + i])
end
for j = 6 + n, #KEYS do redis.call('set', KEYS[j], ARGV[6 + n], 'PX', ARGV[4]) end
redis.call('set', KEYS[3], ARGV[2], 'PX', ARGV[4])
redis.call('set', KEYS[4], 'pending', 'PX', ARGV[4])
redis.call('zadd', KEYS[2], ARGV[3], ARGV[1])
for k = 8 + n, #ARGV do redis.call('lpush', KEYS[5], ARGV[k]) end
redis.call('ltrim', KEYS[5], 0, tonumber(ARGV[7 + n]) - 1)
return 1`;

/**
 * KEYS: state, accepted, readyChecks, match, who×m · ARGV: matchId, characterId, now, deadline, memberCount, confirmedTtlMs
 * Returns {'gone'} | {'late'} | {'pending', count} | {'confirmed', count}.
 */
const ACCEPT = `
if redis.call('get', KEYS[1]) ~= 'pending' then return { 'gone' } end
if tonumber(ARGV[3]) >= tonumber(ARGV[4]) then return { 'late' } end
redis.call('sadd', KEYS[2], ARGV[2])
local ttl = redis.call('pttl', KEYS[4])
if ttl > 0 then redis.call('pexpire', KEYS[2], ttl) end
local count = redis.call('scard', KEYS[2])
if count < tonumber(ARGV[5]) then return { 'pending', count } end
redis.call('set', KEYS[1], 'confirmed', 'PX', ARGV[6])
redis.call('zrem', KEYS[3], ARGV[1])
redis.call('pexpire', KEYS[2], ARGV[6])
redis.call('pexpire', KEYS[4], ARGV[6])
for i = 5, #KEYS do redis.call('pexpire', KEYS[i], ARGV[6]) end
return { 'confirmed', count }`;

/**
 * KEYS: state, accepted, readyChecks, match, queue, ticket×n, who×m
 * ARGV: matchId, 'm:<matchId>', n, (ticketId, score, ticketJson)×n, newWho×m ('' frees the member)
 * Only a pending match dissolves (1); the ready-check entry goes either way.
 */
const DISSOLVE = `
redis.call('zrem', KEYS[3], ARGV[1])
if redis.call('get', KEYS[1]) ~= 'pending' then return 0 end
redis.call('del', KEYS[1], KEYS[2], KEYS[4])
local n = tonumber(ARGV[3])
for i = 1, n do
  local b = 3 + (i - 1) * 3
  redis.call('set', KEYS[5 + i], ARGV[b + 3])
  redis.call('zadd', KEYS[5], ARGV[b + 2], ARGV[b + 1])
end
local w = 4 + 3 * n
for j = 6 + n, #KEYS do
  if redis.call('get', KEYS[j]) == ARGV[2] then
    local v = ARGV[w + j - 6 - n]
    if v == '' then redis.call('del', KEYS[j]) else redis.call('set', KEYS[j], v) end
  end
end
return 1`;

/** KEYS: state, accepted, match, who×m · ARGV: 'm:<matchId>'. Only a confirmed match is released. */
const RELEASE = `
if redis.call('get', KEYS[1]) ~= 'confirmed' then return 0 end
redis.call('del', KEYS[1], KEYS[2], KEYS[3])
for i = 4, #KEYS do
  if redis.call('get', KEYS[i]) == ARGV[1] then redis.call('del', KEYS[i]) end
end
return 1`;

/** KEYS: state, who · ARGV: 'm:<matchId>'. Frees one member of a confirmed match (1), else 0. */
const FREE_MEMBER = `
if redis.call('get', KEYS[1]) ~= 'confirmed' then return 0 end
if redis.call('get', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('del', KEYS[2])
return 1`;

/**
 * KEYS: queue, ticket · ARGV: ticketId, the unreadable value read. Takes a ticket nobody
 * can read out of its queue (1) — only while the key still holds that very value (0).
 */
const DROP_UNREADABLE = `
if redis.call('get', KEYS[2]) ~= ARGV[2] then return 0 end
redis.call('zrem', KEYS[1], ARGV[1])
redis.call('del', KEYS[2])
return 1`;

/**
 * KEYS: who, ticket · ARGV: 'q:<ticketId>', the ticket's unreadable value ('' when there
 * was none). Frees a character whose spot is a ticket nobody can read, or none at all
 * (the matcher dropped it) (1) — only while the spot is unchanged and the ticket still
 * that value or gone (0: claimed, left or put back meanwhile). Every other script
 * writes a 'q:' spot and its ticket together, so this never frees a queued member.
 */
const FREE_SPOT = `
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
local t = redis.call('get', KEYS[2])
if t and t ~= ARGV[2] then return 0 end
redis.call('del', KEYS[1])
return 1`;

type Arg = string | number;
type Run<R> = (numKeys: number, ...keysThenArgs: Arg[]) => Promise<R>;

export interface MatchmakingCommands {
  necpMmEnqueue: Run<0 | [number, string]>;
  necpMmLeave: Run<number>;
  necpMmClaim: Run<number>;
  necpMmAccept: Run<[string, number?]>;
  necpMmDissolve: Run<number>;
  necpMmRelease: Run<number>;
  necpMmFreeMember: Run<number>;
  necpMmDropUnreadable: Run<number>;
  necpMmFreeSpot: Run<number>;
}

export function withMatchmakingCommands(redis: Redis): MatchmakingCommands {
  if (!('necpMmFreeSpot' in redis)) {
    redis.defineCommand('necpMmEnqueue', { lua: ENQUEUE });
    redis.defineCommand('necpMmLeave', { lua: LEAVE });
    redis.defineCommand('necpMmClaim', { lua: CLAIM });
    redis.defineCommand('necpMmAccept', { lua: ACCEPT });
    redis.defineCommand('necpMmDissolve', { lua: DISSOLVE });
    redis.defineCommand('necpMmRelease', { lua: RELEASE });
    redis.defineCommand('necpMmFreeMember', { lua: FREE_MEMBER });
    redis.defineCommand('necpMmDropUnreadable', { lua: DROP_UNREADABLE });
    redis.defineCommand('necpMmFreeSpot', { lua: FREE_SPOT });
  }
  return redis as unknown as MatchmakingCommands;
}

/** Calls a script (as a method: ioredis needs its `this`) with `keys`, prefixed by ioredis, then `args`. */
export function runScript<K extends keyof MatchmakingCommands>(
  c: MatchmakingCommands,
  name: K,
  keys: readonly string[],
  args: readonly Arg[],
): ReturnType<MatchmakingCommands[K]> {
  return c[name](keys.length, ...keys, ...args) as ReturnType<MatchmakingCommands[K]>;
}
