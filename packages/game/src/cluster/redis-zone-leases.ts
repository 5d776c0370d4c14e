/**
 * Zone leases on Redis. Keys live under the client's deployment prefix
 * (core/redis.ts), so two deployments on one Redis never see each other's leases:
 *   <prefix>:zone:lease:<zoneId>  {"ownerId","url","token"} with a PX expiry
 *   <prefix>:zone:token:<zoneId>  the zone's fencing counter (INCR, never expires)
 * Acquire is `SET NX PX` and the counter's INCR in one script, so a failed attempt
 * (a standby polling every second) burns no token; renew and release compare the
 * whole stored value, so they can only touch this owner's own lease (renew also
 * takes back an expired one that nobody acquired since: the counter says so).
 */
import type { Redis } from 'ioredis';
import {
  ZONE_LEASE_TTL_MS,
  decodeLeaseValue,
  type HeldZoneLease,
  type ZoneDirectory,
  type ZoneLeases,
  type ZoneOwnerInfo,
} from './zone-lease';

export const zoneLeaseKey = (zoneId: string) => `zone:lease:${zoneId}`;
export const zoneTokenKey = (zoneId: string) => `zone:token:${zoneId}`;

const ACQUIRE = `
if redis.call('exists', KEYS[1]) == 1 then return false end
local t = redis.call('incr', KEYS[2])
local v = cjson.encode({ ownerId = ARGV[1], url = ARGV[2], token = t })
redis.call('set', KEYS[1], v, 'PX', ARGV[3])
return { t, v }`;

// An owner that stalled past its TTL (a busy event loop) takes its own lease back
// if nobody acquired the zone since: every acquisition INCRs the counter, so a
// counter still at this lease's token means no other owner can have existed.
const RENEW = `
local cur = redis.call('get', KEYS[1])
if cur == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if not cur and tonumber(redis.call('get', KEYS[2]) or '0') == tonumber(ARGV[3]) then
  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

const RAISE_FLOOR = `
local c = tonumber(redis.call('get', KEYS[1]) or '0')
if c < tonumber(ARGV[1]) then redis.call('set', KEYS[1], ARGV[1]) end
return 1`;

/** The scripts as ioredis commands (EVALSHA, keys prefixed like any other command). */
interface LeaseCommands {
  necpZoneLeaseAcquire(
    lease: string,
    counter: string,
    ownerId: string,
    url: string,
    ttlMs: number,
  ): Promise<[number, string] | null>;
  necpZoneLeaseRenew(
    lease: string,
    counter: string,
    value: string,
    ttlMs: number,
    token: number,
  ): Promise<number>;
  necpZoneLeaseRelease(lease: string, value: string): Promise<number>;
  necpZoneTokenFloor(counter: string, floor: number): Promise<number>;
}

function withLeaseCommands(redis: Redis): LeaseCommands {
  if (!('necpZoneLeaseAcquire' in redis)) {
    redis.defineCommand('necpZoneLeaseAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('necpZoneLeaseRenew', { numberOfKeys: 2, lua: RENEW });
    redis.defineCommand('necpZoneLeaseRelease', { numberOfKeys: 1, lua: RELEASE });
    redis.defineCommand('necpZoneTokenFloor', { numberOfKeys: 1, lua: RAISE_FLOOR });
  }
  return redis as unknown as LeaseCommands;
}

export class RedisZoneLeases implements ZoneLeases {
  readonly fenced = true;
  readonly ownerId: string;
  readonly url: string;
  readonly ttlMs: number;
  private readonly cmd: LeaseCommands;

  constructor(redis: Redis, opts: { ownerId: string; url: string; ttlMs?: number }) {
    this.cmd = withLeaseCommands(redis);
    this.ownerId = opts.ownerId;
    this.url = opts.url;
    this.ttlMs = opts.ttlMs ?? ZONE_LEASE_TTL_MS;
  }

  async tryAcquire(zoneId: string): Promise<HeldZoneLease | null> {
    const got = await this.cmd.necpZoneLeaseAcquire(
      zoneLeaseKey(zoneId),
      zoneTokenKey(zoneId),
      this.ownerId,
      this.url,
      this.ttlMs,
    );
    if (!got) return null;
    const [token, value] = got;
    return { zoneId, ownerId: this.ownerId, url: this.url, token, value };
  }

  async renew(lease: HeldZoneLease): Promise<boolean> {
    return (
      (await this.cmd.necpZoneLeaseRenew(
        zoneLeaseKey(lease.zoneId),
        zoneTokenKey(lease.zoneId),
        lease.value,
        this.ttlMs,
        lease.token,
      )) === 1
    );
  }

  async release(lease: HeldZoneLease): Promise<boolean> {
    return (await this.cmd.necpZoneLeaseRelease(zoneLeaseKey(lease.zoneId), lease.value)) === 1;
  }

  async raiseTokenFloor(zoneId: string, floor: number): Promise<void> {
    await this.cmd.necpZoneTokenFloor(zoneTokenKey(zoneId), floor);
  }
}

/** Reads the lease keys: who owns which zone, for the web and for operators. */
export class RedisZoneDirectory implements ZoneDirectory {
  constructor(private readonly redis: Redis) {}

  async ownerOf(zoneId: string): Promise<ZoneOwnerInfo | null> {
    return decodeLeaseValue(await this.redis.get(zoneLeaseKey(zoneId)));
  }
}
