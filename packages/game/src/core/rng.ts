import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Injected randomness: seeded, so a roll can be replayed in a test. */
export interface Rng {
  /** integer in [min, max] */
  int(min: number, max: number): number;
  /** float in [0, 1) */
  float(): number;
}

export function seededRng(seed: number): Rng {
  const g = xoroshiro128plus(seed | 0);
  return {
    int: (min, max) => uniformInt(g, min, max),
    float: () => uniformInt(g, 0, 0x7fffffff) / 0x80000000,
  };
}

export const randomRng = (): Rng => seededRng(Math.floor(Math.random() * 0x7fffffff));
