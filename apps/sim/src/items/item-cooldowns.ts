import type { Clock } from '@necp/game';
import { Cooldowns } from '../timers/cooldowns';

/**
 * Item cooldowns of this process: per character and item template (a stim used
 * now cannot be used again for its cooldown, whatever stack it comes from). Kept
 * per character, not per connection, so reconnecting or riding the metro does
 * not reset them. Also lets only one item:use per character be in flight, so two
 * quick uses cannot both pass the cooldown check before either starts it.
 */
export class ItemCooldowns {
  private readonly cooldowns: Cooldowns;
  private readonly inFlight = new Set<string>();

  constructor(clock: Clock) {
    this.cooldowns = new Cooldowns(clock);
  }

  /** ms until the character may use this template again (0: ready). */
  leftMs(characterId: string, templateId: string): number {
    return this.cooldowns.leftMs(key(characterId, templateId));
  }

  start(characterId: string, templateId: string, cooldownMs: number): void {
    this.cooldowns.start(key(characterId, templateId), cooldownMs);
  }

  /** Claims the character's one item use in flight; false while another is running. */
  claim(characterId: string): boolean {
    if (this.inFlight.has(characterId)) return false;
    this.inFlight.add(characterId);
    return true;
  }

  release(characterId: string): void {
    this.inFlight.delete(characterId);
  }
}

const key = (characterId: string, templateId: string) => `${characterId} ${templateId}`;
