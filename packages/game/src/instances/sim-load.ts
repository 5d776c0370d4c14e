/**
 * How busy each sim process is, so a new instance goes to the least loaded one
 * (docs/instances.md). Each process writes its own entry every few seconds to a
 * namespaced Redis hash; entries not refreshed within SIM_LOAD_STALE_MS are
 * ignored (that process is gone or stalled).
 */
import type { Redis } from 'ioredis';

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

/** An entry older than this is ignored. */
export const SIM_LOAD_STALE_MS = 10_000;
const KEY = 'sims:load';

export class SimLoadRegistry {
  constructor(private readonly redis: Redis) {}

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
    for (const raw of Object.values(all)) {
      try {
        const l = JSON.parse(raw) as SimLoad;
        if (typeof l.ownerId !== 'string' || l.ownerId === self?.ownerId) continue;
        if (nowMs - l.at < SIM_LOAD_STALE_MS) loads.push(l);
      } catch {
        // a garbled entry is someone else's problem: skip it
      }
    }
    const weight = (l: SimLoad) => l.players + 5 * l.instances;
    return loads.sort((a, b) => weight(a) - weight(b) || a.ownerId.localeCompare(b.ownerId));
  }
}
