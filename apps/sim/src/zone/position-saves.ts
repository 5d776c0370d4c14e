import {
  AUCTION_RANGE,
  BANK_RANGE,
  CRAFT_RANGE,
  INTERACT_RANGE,
  MAIL_RANGE,
  METRO_RANGE,
  clampToBounds,
  contactsInZone,
  distance,
  metroStations,
  type Bounds,
  type Vec2,
  type ZoneContent,
} from '@necp/shared';
import type { CharacterPosition, SimCharacter, ZoneFence } from '@necp/game';
import type { Player } from './player';
import type { PositionSink } from './position-writer';
import type { HandoverSave } from './zone-commands';

/** A place where the API checks the character's stored position against a range. */
export interface ServicePoint {
  id: string;
  x: number;
  y: number;
  /** metres */
  range: number;
}

/**
 * The zone's service points, each with the range its own rule uses: bank terminals
 * (BANK_RANGE), mail terminals (MAIL_RANGE), auction terminals (AUCTION_RANGE), metro stations (METRO_RANGE, the ring
 * of rules/metro.ts) and contacts (INTERACT_RANGE — talking and trading).
 */
export function servicePointsOf(c: Pick<ZoneContent, 'id' | 'spawnPoints'>): ServicePoint[] {
  const points: ServicePoint[] = [];
  for (const s of c.spawnPoints)
    if (s.kind === 'bank_terminal') points.push({ id: s.id, x: s.x, y: s.y, range: BANK_RANGE });
    else if (s.kind === 'mail_terminal')
      points.push({ id: s.id, x: s.x, y: s.y, range: MAIL_RANGE });
    else if (s.kind === 'auction_terminal')
      points.push({ id: s.id, x: s.x, y: s.y, range: AUCTION_RANGE });
    else if (s.kind === 'crafting_station')
      points.push({ id: s.id, x: s.x, y: s.y, range: CRAFT_RANGE });
  for (const s of metroStations(c.spawnPoints))
    points.push({ id: s.id, x: s.x, y: s.y, range: METRO_RANGE });
  for (const k of contactsInZone(c.id))
    points.push({ id: `contact:${k.id}`, x: k.x, y: k.y, range: INTERACT_RANGE });
  return points;
}

/**
 * How one zone persists its players: position and health go to the position
 * sink, periodically for whatever changed and at once when something outside the
 * sim must see it (respawn, a service point in or out of reach, arriving, leaving).
 */
export class PositionSaves {
  constructor(
    private readonly zoneId: string,
    private readonly positions: PositionSink,
    private readonly servicePoints: readonly ServicePoint[],
    /** the zone's lease token: every save carries it (zone-ownership.ts) */
    private readonly fence?: ZoneFence,
  ) {}

  /**
   * A save of this process that may still be on its way to the database (it is
   * newer than the loaded row). The zone reads it once per arrival and records
   * what it read: the writer's timing is not part of a replay.
   */
  latest(characterId: string): CharacterPosition | undefined {
    return this.positions.latest(characterId);
  }

  /** Where a character enters: its latest save (`saved`) if in this zone, else the stored one, else `fallback`. */
  startPosition(
    c: SimCharacter,
    saved: CharacterPosition | undefined,
    bounds: Bounds,
    fallback: () => Vec2,
  ): Vec2 {
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

  /**
   * Writes a player that is leaving the zone now; a rider handed over to another
   * process is saved at its arrival (`handover`), still fenced with this zone's token.
   */
  saveLeaving(p: Player, handover?: HandoverSave): void {
    this.positions.enqueue([{ ...this.positionOf(p), ...handover }]);
    void this.positions.flush();
  }

  /**
   * The API's bank, dialogue and vendor checks read the stored position, so
   * crossing the range of any service point (either way, also from one straight
   * into another) saves it now instead of at the next periodic flush. True if it saved.
   */
  checkServicePoints(p: Player): boolean {
    let near = '';
    for (const s of this.servicePoints) if (distance(p, s) <= s.range) near += `${s.id};`;
    if (near === p.nearService) return false;
    p.nearService = near;
    this.saveNow(p);
    return true;
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

  /** Flushes, then: is the character's latest save stored? (a cross-process metro ride waits for it) */
  landed(characterId: string): Promise<boolean> {
    return this.positions.landed(characterId);
  }

  /** Saves everyone (server shutdown). */
  saveAll(players: readonly Player[]): Promise<void> {
    this.positions.enqueue(players.map((p) => this.positionOf(p)));
    return this.positions.flush();
  }

  private positionOf(p: Player): CharacterPosition {
    return {
      characterId: p.characterId,
      zoneId: this.zoneId,
      x: p.x,
      y: p.y,
      health: p.health,
      ...(this.fence ? { fence: this.fence } : {}),
    };
  }
}
