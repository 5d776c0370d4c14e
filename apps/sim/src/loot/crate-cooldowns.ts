import type { Clock } from '@necp/game';
import { Cooldowns } from '../timers/cooldowns';

/** After opening a crate, the same character finds it empty for this long. */
export const CRATE_COOLDOWN_MS = 30_000;

/**
 * Per-character, per-crate cooldowns of one zone. Claimed before the loot is
 * rolled, so a burst of crate:open cannot roll twice; released if the roll fails.
 */
export class CrateCooldowns {
  private readonly cooldowns: Cooldowns;

  constructor(
    clock: Clock,
    private readonly cooldownMs = CRATE_COOLDOWN_MS,
  ) {
    this.cooldowns = new Cooldowns(clock);
  }

  /** Claims the crate for this character: 0 when claimed, else ms until it can be opened again. */
  claim(characterId: string, crateId: string): number {
    const k = key(characterId, crateId);
    const left = this.cooldowns.leftMs(k);
    if (left === 0) this.cooldowns.start(k, this.cooldownMs);
    return left;
  }

  release(characterId: string, crateId: string): void {
    this.cooldowns.clear(key(characterId, crateId));
  }
}

const key = (characterId: string, crateId: string) => `${characterId} ${crateId}`;
