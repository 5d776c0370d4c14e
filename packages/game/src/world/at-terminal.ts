import type { Character } from '@necp/db';
import { zoneById, type SpawnPointContent } from '@necp/shared';
import type { DomainError } from '../core/errors';

type Where = Pick<Character, 'zoneId' | 'x' | 'y'>;

/**
 * True when a spawn point of `kind` in the character's zone lies within `range` metres.
 * Spawn points are content (the SpawnPoint rows are seeded from it, and what content
 * drops is deleted), so they are read from content — no statement on every bank, mail,
 * auction, market or craft call. The stored position counts: the sim writes it at once
 * when a character enters or leaves the range of one (apps/sim zone/position-saves.ts).
 */
export function atTerminal(c: Where, kind: SpawnPointContent['kind'], range: number): boolean {
  const points = zoneById(c.zoneId)?.spawnPoints ?? [];
  return points.some((p) => p.kind === kind && Math.hypot(p.x - c.x, p.y - c.y) <= range);
}

/** The one check of every service used at a terminal: refused with `refusal` when away. */
export function assertAtTerminal(
  c: Where,
  kind: SpawnPointContent['kind'],
  range: number,
  refusal: () => DomainError,
): void {
  if (!atTerminal(c, kind, range)) throw refusal();
}
