import type { Character } from '@necp/db';
import type { SpawnPointContent } from '@necp/shared';
import type { Tx } from '../core/deps';
import type { DomainError } from '../core/errors';

/**
 * The one check of every service used at a terminal (the bank, the mail, the auction
 * house): a spawn point of `kind` in the character's zone within `range` metres. The
 * stored position counts: the sim writes it at once when a character enters or leaves
 * the range of one (apps/sim zone/position-saves.ts servicePointsOf).
 */
export async function assertAtTerminal(
  tx: Tx,
  c: Pick<Character, 'zoneId' | 'x' | 'y'>,
  kind: SpawnPointContent['kind'],
  range: number,
  refusal: () => DomainError,
): Promise<void> {
  const terminals = await tx.spawnPoint.findMany({
    where: { zoneId: c.zoneId, kind },
    select: { x: true, y: true },
  });
  if (!terminals.some((t) => Math.hypot(t.x - c.x, t.y - c.y) <= range)) throw refusal();
}
