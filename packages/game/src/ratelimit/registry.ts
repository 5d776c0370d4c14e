/**
 * Limiter instances belong to one GameDeps (never module globals): each process
 * builds its deps once and shares the counters; each test builds its own deps and
 * starts from empty counters. Build derived deps (`{ ...deps, db: tx }`) only where
 * no limiter is used, or in-memory counters would start over for them.
 */
import type { GameDeps } from '../core/deps';
import { createLockStore, type LockStore } from './lock-store';
import { createRateLimiter, type RateLimiter, type RateLimitSpec } from './rate-limiter';

interface Registry {
  limiters: Map<string, RateLimiter>;
  locks: Map<string, LockStore>;
}

const registries = new WeakMap<GameDeps, Registry>();

function registryFor(deps: GameDeps): Registry {
  let r = registries.get(deps);
  if (!r) {
    r = { limiters: new Map(), locks: new Map() };
    registries.set(deps, r);
  }
  return r;
}

/** The limiter for spec.name in these deps; the same name must always come with the same spec. */
export function rateLimiterFor(deps: GameDeps, spec: RateLimitSpec): RateLimiter {
  const { limiters } = registryFor(deps);
  const existing = limiters.get(spec.name);
  if (existing) {
    const s = existing.spec;
    if (s.points !== spec.points || s.durationSec !== spec.durationSec) {
      throw new Error(`rate limiter "${spec.name}" already exists with another spec`);
    }
    return existing;
  }
  const created = createRateLimiter(deps.redis, spec);
  limiters.set(spec.name, created);
  return created;
}

export function lockStoreFor(deps: GameDeps, name: string): LockStore {
  const { locks } = registryFor(deps);
  let store = locks.get(name);
  if (!store) {
    store = createLockStore(deps.redis, deps.clock, name);
    locks.set(name, store);
  }
  return store;
}
