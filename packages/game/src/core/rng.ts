import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Injected randomness: seeded, so a roll can be replayed in a test. */
export interface Rng {
  /** integer in [min, max] */
  int(min: number, max: number): number;
  /** float in [0, 1) */
  float(): number;
  /** the generator's internal state (seeded generators): part of a replayable state hash */
  state?(): readonly number[];
}

export function seededRng(seed: number): Rng {
  const g = xoroshiro128plus(seed | 0);
  return {
    int: (min, max) => uniformInt(g, min, max),
    float: () => uniformInt(g, 0, 0x7fffffff) / 0x80000000,
    state: () => g.getState(),
  };
}

/**
 * The seed of one purpose's stream drawn from a parent seed (FNV-1a over
 * "seed:purpose"): streams of different purposes (combat, AI …) never share
 * draws, so a new roll in one cannot shift the others.
 */
export function streamSeed(seed: number, purpose: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed | 0}:${purpose}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** seededRng(streamSeed(seed, purpose)). */
export const seededStream = (seed: number, purpose: string): Rng =>
  seededRng(streamSeed(seed, purpose));

export const randomRng = (): Rng => seededRng(Math.floor(Math.random() * 0x7fffffff));
