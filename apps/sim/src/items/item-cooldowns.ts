import type { Clock } from '@necp/game';

/** Past this many remembered cooldowns, the expired ones are swept out. */
const SWEEP_AT = 4096;

/**
 * Item cooldowns of this process: per character and item template (a stim used
 * now cannot be used again for its cooldown, whatever stack it comes from). Kept
 * per character, not per connection, so reconnecting or riding the metro does
 * not reset them. Also lets only one item:use per character be in flight, so two
 * quick uses cannot both pass the cooldown check before either starts it.
 */
export class ItemCooldowns {
  /** `characterId templateId` → clock ms when usable again */
  private readonly readyAt = new Map<string, number>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly clock: Clock) {}

  /** ms until the character may use this template again (0: ready). */
  leftMs(characterId: string, templateId: string): number {
    const at = this.readyAt.get(key(characterId, templateId));
    return at === undefined ? 0 : Math.max(0, at - this.clock.ms());
  }

  start(characterId: string, templateId: string, cooldownMs: number): void {
    if (cooldownMs <= 0) return;
    if (this.readyAt.size >= SWEEP_AT) this.sweep();
    this.readyAt.set(key(characterId, templateId), this.clock.ms() + cooldownMs);
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

  get size(): number {
    return this.readyAt.size;
  }

  private sweep(): void {
    const now = this.clock.ms();
    for (const [k, at] of this.readyAt) if (at <= now) this.readyAt.delete(k);
  }
}

const key = (characterId: string, templateId: string) => `${characterId} ${templateId}`;
