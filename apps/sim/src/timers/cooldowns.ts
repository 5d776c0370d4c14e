import type { Clock } from '@necp/game';

/** Past this many remembered cooldowns, the ones that ran out are swept (the map stays small). */
const SWEEP_AT = 4096;

/**
 * Keys that are cooling down until a time of the game clock: the one map under every
 * per-character cooldown the sim keeps in memory (a crate opened, an item used). What a
 * key names and when its cooldown starts is the caller's.
 */
export class Cooldowns {
  /** key → clock ms when it is ready again */
  private readonly readyAt = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly sweepAt = SWEEP_AT,
  ) {}

  /** ms until the key is ready again (0: ready). */
  leftMs(key: string): number {
    const at = this.readyAt.get(key);
    return at === undefined ? 0 : Math.max(0, at - this.clock.ms());
  }

  /** The key cools down for `ms` from now (≤ 0: not at all). */
  start(key: string, ms: number): void {
    if (ms <= 0) return;
    if (this.readyAt.size >= this.sweepAt) this.sweep();
    this.readyAt.set(key, this.clock.ms() + ms);
  }

  /** Ready again at once (a claimed crate whose roll failed). */
  clear(key: string): void {
    this.readyAt.delete(key);
  }

  get size(): number {
    return this.readyAt.size;
  }

  private sweep(): void {
    const now = this.clock.ms();
    for (const [k, at] of this.readyAt) if (at <= now) this.readyAt.delete(k);
  }
}
