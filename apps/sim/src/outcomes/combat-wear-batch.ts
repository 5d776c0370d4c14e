import { applyCombatWear, type GameDeps, type Log } from '@necp/game';
import { refreshZoneStats, type LocatePlayer } from './refresh-stats';
import { droppedAfterRetries, GIVE_UP_AFTER_ATTEMPTS } from './write-policy';

/** How often (clock ms) counted weapon uses and hits are written as wear. */
export const COMBAT_WEAR_FLUSH_MS = 10_000;

interface Counts {
  weaponUses: number;
  hitsTaken: number;
  attempts: number;
}

/**
 * Counts weapon uses and hits taken per character in the zone tick and writes
 * them in batches through applyCombatWear (durability, weapon skill XP). Gear that
 * broke takes its bonuses with it, so those characters' stats are reloaded.
 */
export class CombatWearBatch {
  private counts = new Map<string, Counts>();
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly deps: GameDeps,
    /** where the character is now (gear wears in one zone, the character may be in another) */
    private readonly locate: LocatePlayer,
    private readonly log: Log,
  ) {}

  weaponUsed(characterId: string): void {
    this.entry(characterId).weaponUses++;
  }

  hitTaken(characterId: string): void {
    this.entry(characterId).hitsTaken++;
  }

  /** Writes the counts so far (single-flight). Never rejects. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private entry(characterId: string): Counts {
    let c = this.counts.get(characterId);
    if (!c) this.counts.set(characterId, (c = { weaponUses: 0, hitsTaken: 0, attempts: 0 }));
    return c;
  }

  private async write(): Promise<void> {
    if (this.counts.size === 0) return;
    const batch = this.counts;
    this.counts = new Map();
    const rows = [...batch].map(([characterId, c]) => ({
      characterId,
      weaponUses: c.weaponUses,
      hitsTaken: c.hitsTaken,
    }));
    try {
      const results = await applyCombatWear(this.deps, rows);
      for (const r of results) {
        const zone = r.broke ? this.locate(r.characterId) : undefined;
        if (!zone) continue;
        await refreshZoneStats(this.deps, zone, r.characterId, 'keep').catch((err: unknown) =>
          this.log.warn({ err, characterId: r.characterId }, 'refreshing stats after wear failed'),
        );
      }
    } catch (err) {
      this.log.warn({ err, characters: rows.length }, 'writing combat wear failed');
      for (const [id, c] of batch) {
        if (c.attempts + 1 >= GIVE_UP_AFTER_ATTEMPTS) {
          // wear is not value (no item moves): given up (write-policy.ts), never in silence
          this.log.error(
            { characterId: id, weaponUses: c.weaponUses, hitsTaken: c.hitsTaken },
            droppedAfterRetries('combat wear'),
          );
          continue;
        }
        const now = this.entry(id);
        now.weaponUses += c.weaponUses;
        now.hitsTaken += c.hitsTaken;
        now.attempts = Math.max(now.attempts, c.attempts + 1);
      }
    }
  }
}
