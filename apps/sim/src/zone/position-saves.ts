import { BANK_RANGE, clampToBounds, distance, type Bounds, type Vec2 } from '@necp/shared';
import type { CharacterPosition, SimCharacter } from '@necp/game';
import type { Player } from './player';
import type { PositionSink } from './position-writer';

/**
 * How one zone persists its players: position and health go to the position
 * sink, periodically for whatever changed and at once when something outside the
 * sim must see it (respawn, a bank terminal in or out of reach, leaving).
 */
export class PositionSaves {
  constructor(
    private readonly zoneId: string,
    private readonly positions: PositionSink,
    private readonly bankTerminals: readonly Vec2[],
  ) {}

  /** Health of a save of this process that may still be on its way to the database (it is newer). */
  pendingHealth(characterId: string): number | undefined {
    return this.positions.latest(characterId)?.health;
  }

  /** Where a character enters: its latest save if in this zone, else the stored one, else `fallback`. */
  startPosition(c: SimCharacter, bounds: Bounds, fallback: () => Vec2): Vec2 {
    const saved = this.positions.latest(c.id);
    const at = saved && saved.zoneId === this.zoneId ? saved : c;
    if (Number.isFinite(at.x) && Number.isFinite(at.y)) return clampToBounds(at, bounds);
    return fallback();
  }

  /** Writes the player now and marks it saved. */
  saveNow(p: Player): void {
    p.dirty = false;
    p.savedHealth = p.health;
    this.positions.enqueue([this.positionOf(p)]);
    void this.positions.flush();
  }

  /** Writes a player that is leaving the zone now. */
  saveLeaving(p: Player): void {
    this.positions.enqueue([this.positionOf(p)]);
    void this.positions.flush();
  }

  /**
   * The API's bank check reads the stored position, so crossing BANK_RANGE of a
   * terminal (either way) saves it now instead of at the next periodic flush.
   */
  checkBankProximity(p: Player): void {
    const near = this.bankTerminals.some((b) => distance(p, b) <= BANK_RANGE);
    if (near === p.nearBank) return;
    p.nearBank = near;
    this.saveNow(p);
  }

  /** Saves every player that moved or whose health changed since the last flush. */
  flushDirty(players: Iterable<Player>): Promise<void> {
    const dirty = [...players].filter((p) => p.dirty || p.health !== p.savedHealth);
    if (dirty.length > 0) this.positions.enqueue(dirty.map((p) => this.positionOf(p)));
    // cleared only once handed over, so a failing enqueue retries next flush
    for (const p of dirty) {
      p.dirty = false;
      p.savedHealth = p.health;
    }
    return this.positions.flush();
  }

  /** Saves everyone (server shutdown). */
  saveAll(players: readonly Player[]): Promise<void> {
    this.positions.enqueue(players.map((p) => this.positionOf(p)));
    return this.positions.flush();
  }

  private positionOf(p: Player): CharacterPosition {
    return { characterId: p.characterId, zoneId: this.zoneId, x: p.x, y: p.y, health: p.health };
  }
}
