/**
 * The boards in Redis: one sorted set per board and per character class, in the
 * deployment's namespace (the client's keyPrefix, core/redis.ts). Keys carry the
 * board in a hash tag (`lb:{level}:…`), so one board's keys share a cluster slot and
 * its scripts may touch them together.
 *
 * - Scores are stored negated, so ZRANGE (ascending) lists the best first and equal
 *   scores by member (id) in byte order — the same order as PostgreSQL's
 *   `ORDER BY s1 DESC, s2 DESC, id COLLATE "C"` (the no-Redis path).
 * - A built set always holds a sentinel member "" at +inf (after every row), so a set
 *   that exists is a built one, even when no character of a class is ranked yet; a
 *   missing key means "never built, or lost": it is rebuilt from PostgreSQL.
 * - While a rebuild runs (`building` marker), every update also notes its subject in
 *   the `dirty` set; the rebuild re-reads those after it swaps its copy in, so no
 *   update made during the copy is lost (rebuild-board.ts).
 */
import { CLASS_IDS, type ClassId, type LeaderboardKey } from '@necp/shared';
import type { Redis } from 'ioredis';

/** A stored (negated) score back to the board's score (never -0). */
const fromStored = (s: string | number) => 0 - Number(s);

/** The sentinel member of every built set. */
export const SENTINEL = '';

const base = (board: LeaderboardKey) => `lb:{${board}}`;

export const boardKeys = (board: LeaderboardKey) => ({
  all: `${base(board)}:all`,
  cls: (c: ClassId) => `${base(board)}:c:${c}`,
  building: `${base(board)}:building`,
  dirty: `${base(board)}:dirty`,
  tmpAll: `${base(board)}:tmp:all`,
  tmpCls: (c: ClassId) => `${base(board)}:tmp:c:${c}`,
});

/** The sorted set of a board, narrowed to one class or not. */
export const setKey = (board: LeaderboardKey, cls: ClassId | null | undefined) =>
  cls ? boardKeys(board).cls(cls) : boardKeys(board).all;

/** Every sorted set of a board: the whole board first, then one per class. */
export function boardSetKeys(board: LeaderboardKey, byClass: boolean): string[] {
  const k = boardKeys(board);
  return [k.all, ...(byClass ? CLASS_IDS.map(k.cls) : [])];
}

/**
 * KEYS: building, dirty, then the board's sets (the whole board first).
 * ARGV: member, stored score ('' removes it from every set), index in KEYS of the
 * class set it belongs to (0: none). Sets not built are left alone (a rebuild fills them).
 */
const APPLY = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SADD', KEYS[2], ARGV[1]) end
local add = ARGV[2] ~= ''
local cls = tonumber(ARGV[3])
for i = 3, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    if add and (i == 3 or i == cls) then
      redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1])
    else
      redis.call('ZREM', KEYS[i], ARGV[1])
    end
  end
end
return 1`;

/**
 * KEYS: a set. ARGV: start, stop[, member, k]. With a member the window is the k rows
 * on each side of it. Returns {card} for a missing set, {card, -1} for a member not
 * in it, else {card, position of the member or -1, start, better, m1, s1, m2, s2 …}
 * where `better` counts the rows strictly better than the first one returned.
 */
const SLICE = `
local card = redis.call('ZCARD', KEYS[1])
if card == 0 then return {0} end
local start = tonumber(ARGV[1])
local stop = tonumber(ARGV[2])
local pos = -1
if ARGV[3] then
  local r = redis.call('ZRANK', KEYS[1], ARGV[3])
  if not r then return {card, -1} end
  pos = r
  start = math.max(0, r - tonumber(ARGV[4]))
  stop = r + tonumber(ARGV[4])
end
local rows = redis.call('ZRANGE', KEYS[1], start, stop, 'WITHSCORES')
local better = 0
if #rows > 0 then better = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. rows[2]) end
local out = {card, pos, start, better}
for i = 1, #rows do out[#out + 1] = rows[i] end
return out`;

/**
 * KEYS: sets. ARGV: member. Per set: {card, score, better} (card 0: missing set;
 * score '': not in it — a Lua nil would cut the reply short).
 */
const STANDING = `
local out = {}
for i = 1, #KEYS do
  local card = redis.call('ZCARD', KEYS[i])
  local s = ''
  local better = 0
  if card > 0 then
    local z = redis.call('ZSCORE', KEYS[i], ARGV[1])
    if z then
      s = z
      better = redis.call('ZCOUNT', KEYS[i], '-inf', '(' .. z)
    end
  end
  out[i] = {card, s, better}
end
return out`;

/** KEYS: building. ARGV: token. Deletes the marker only if this rebuild still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface BoardCommands {
  lbApply(...args: (string | number)[]): Promise<number>;
  lbSlice(...args: (string | number)[]): Promise<(string | number)[]>;
  lbStanding(...args: (string | number)[]): Promise<[number, string, number][]>;
  lbRelease(key: string, token: string): Promise<number>;
}

const defined = new WeakSet<Redis>();

/** The client with the board scripts defined on it (EVALSHA, loaded on first use). */
export function boardRedis(redis: Redis): Redis & BoardCommands {
  if (!defined.has(redis)) {
    redis.defineCommand('lbApply', { lua: APPLY });
    redis.defineCommand('lbSlice', { numberOfKeys: 1, lua: SLICE });
    redis.defineCommand('lbStanding', { lua: STANDING });
    redis.defineCommand('lbRelease', { numberOfKeys: 1, lua: RELEASE });
    defined.add(redis);
  }
  return redis as Redis & BoardCommands;
}

/** A subject's new place on a board: its class (character boards) and score, or null to unlist it. */
export interface BoardUpdate {
  id: string;
  class: ClassId | null;
  /** null: not listed (deleted, banned, gone) */
  score: number | null;
}

/** Applies updates to a board's sets (only those built), noting them for a running rebuild. */
export async function applyUpdates(
  redis: Redis,
  board: LeaderboardKey,
  byClass: boolean,
  updates: readonly BoardUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  const r = boardRedis(redis);
  const k = boardKeys(board);
  const sets = boardSetKeys(board, byClass);
  const keys = [k.building, k.dirty, ...sets];
  const pipe = r.pipeline() as unknown as BoardCommands & { exec(): Promise<unknown> };
  for (const u of updates) {
    const clsIndex = u.class && byClass ? 3 + 1 + CLASS_IDS.indexOf(u.class) : 0;
    pipe.lbApply(keys.length, ...keys, u.id, u.score === null ? '' : -u.score, clsIndex);
  }
  const results = (await pipe.exec()) as [Error | null, unknown][] | null;
  const failed = results?.find(([err]) => err);
  if (failed) throw failed[0];
}

/** A slice of a set as the SLICE script returns it. */
export interface RedisSlice {
  /** rows on the board (the sentinel not counted) */
  total: number;
  /** 0-based position of the first row */
  start: number;
  /** 0-based position of the member asked about (around), -1 when none was asked */
  position: number;
  /** rows strictly better than the first row */
  better: number;
  rows: { id: string; score: number }[];
}

/**
 * Rows `start..start+count-1` of a set, or the `k` rows on each side of `member`.
 * 'missing': the set is not built; 'absent': the member is not on it.
 */
export async function readSlice(
  redis: Redis,
  key: string,
  q: { start: number; count: number } | { member: string; k: number },
): Promise<RedisSlice | 'missing' | 'absent'> {
  const r = boardRedis(redis);
  const args =
    'member' in q ? [0, 0, q.member, q.k] : [q.start, Math.max(q.start, q.start + q.count - 1)];
  const out = await r.lbSlice(key, ...args);
  const card = Number(out[0]);
  if (card === 0) return 'missing';
  if (out.length === 2) return 'absent';
  const rows: { id: string; score: number }[] = [];
  for (let i = 4; i + 1 < out.length; i += 2) {
    const id = String(out[i]);
    if (id === SENTINEL) continue;
    rows.push({ id, score: fromStored(out[i + 1]!) });
  }
  return {
    total: card - 1,
    position: Number(out[1]),
    start: Number(out[2]),
    better: Number(out[3]),
    rows,
  };
}

/** A member's score, rank (1 + rows strictly better) and the set's size, per set. */
export async function readStandings(
  redis: Redis,
  keys: readonly string[],
  member: string,
): Promise<({ total: number; score: number | null; rank: number | null } | 'missing')[]> {
  const r = boardRedis(redis);
  const out = await r.lbStanding(keys.length, ...keys, member);
  return out.map(([card, s, better]) => {
    if (Number(card) === 0) return 'missing';
    const total = Number(card) - 1;
    if (s === '') return { total, score: null, rank: null };
    return { total, score: fromStored(s), rank: Number(better) + 1 };
  });
}

/** Whether every set of a board is built. */
export async function boardBuilt(
  redis: Redis,
  board: LeaderboardKey,
  byClass: boolean,
): Promise<boolean> {
  const sets = boardSetKeys(board, byClass);
  return (await redis.exists(...sets)) === sets.length;
}

/** Releases a rebuild's marker if this rebuild still holds it. */
export const releaseBuilding = (redis: Redis, board: LeaderboardKey, token: string) =>
  boardRedis(redis).lbRelease(boardKeys(board).building, token);
