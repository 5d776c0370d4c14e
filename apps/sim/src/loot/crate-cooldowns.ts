import type { Clock } from '@necp/game';

/** After opening a crate, the same character finds it empty for this long. */
export const CRATE_COOLDOWN_MS = 30_000;

/**
 * Per-character, per-crate cooldowns of one zone. Claimed before the loot is
 * rolled, so a burst of crate:open cannot roll twice; released if the roll fails.
 */
export class CrateCooldowns {
  private readonly readyAt = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly cooldownMs = CRATE_COOLDOWN_MS,
  ) {}

  /** Claims the crate for this character: 0 when claimed, else ms until it can be opened again. */
  claim(characterId: string, crateId: string): number {
    const key = `${characterId}|${crateId}`;
    const now = this.clock.ms();
    const ready = this.readyAt.get(key) ?? 0;
    if (ready > now) return ready - now;
    this.readyAt.set(key, now + this.cooldownMs);
    return 0;
  }

  release(characterId: string, crateId: string): void {
    this.readyAt.delete(`${characterId}|${crateId}`);
  }

  /** Forgets cooldowns that ran out (keeps the map from growing with every visitor). */
  prune(): void {
    const now = this.clock.ms();
    for (const [key, ready] of this.readyAt) if (ready <= now) this.readyAt.delete(key);
  }
}
