/**
 * How busy each sim process is, so a new instance goes to the least loaded one
 * (docs/instances.md). Each process writes its own entry every few seconds to a
 * namespaced Redis hash; entries not refreshed within SIM_LOAD_STALE_MS are
 * ignored (that process is gone or stalled).
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Log } from '../core/log';
import { parseStored } from '../core/redis-values';

export interface SimLoad {
  ownerId: string;
  url: string;
  /** players connected to it */
  players: number;
  /** instances it runs */
  instances: number;
  /** epoch ms of the entry */
  at: number;
}

/** An entry as read back: one another process (maybe another version) wrote. */
const SimLoadSchema = z.object({
  ownerId: z.string().min(1),
  url: z.string(),
  players: z.int().min(0),
  instances: z.int().min(0),
  at: z.number(),
}) satisfies z.ZodType<SimLoad>;

/** An entry older than this is ignored. */
export const SIM_LOAD_STALE_MS = 10_000;
const KEY = 'sims:load';

export class SimLoadRegistry {
  /** `log`: hears of entries it cannot read (skipped: that process is as good as gone) */
  constructor(
    private readonly redis: Redis,
    private readonly log?: Log,
  ) {}

  async publish(load: SimLoad): Promise<void> {
    await this.redis.hset(KEY, load.ownerId, JSON.stringify(load));
  }

  async remove(ownerId: string): Promise<void> {
    await this.redis.hdel(KEY, ownerId);
  }

  /**
   * The live processes, least loaded first (an instance weighs as much as 5 players; ties by id).
   * `self`: the caller's load as it is now, in place of its published entry — that one may be a
   * publish period old (players who just arrived are not in it yet).
   */
  async live(nowMs: number, self?: SimLoad): Promise<SimLoad[]> {
    const all = await this.redis.hgetall(KEY);
    const loads: SimLoad[] = self ? [self] : [];
    for (const [field, raw] of Object.entries(all)) {
      const l = parseStored(SimLoadSchema, raw, (reason) =>
        this.log?.warn({ key: KEY, field, reason }, 'unreadable sim load entry skipped'),
      );
      if (!l || l.ownerId === self?.ownerId) continue;
      if (nowMs - l.at < SIM_LOAD_STALE_MS) loads.push(l);
    }
    const weight = (l: SimLoad) => l.players + 5 * l.instances;
    return loads.sort((a, b) => weight(a) - weight(b) || a.ownerId.localeCompare(b.ownerId));
  }
}
