import type { GameDeps } from '../core/deps';
import { restoreExpiryCutoff } from './character-summary';

/**
 * Hard-deletes characters soft-deleted longer ago than the restore window, which
 * frees their names. Safe to run from many nodes at once. `nameKey` narrows it to
 * one name (createCharacter uses that so an expired name can be retaken at once).
 */
export async function purgeExpiredCharacters(
  deps: GameDeps,
  scope: { nameKey?: string } = {},
): Promise<number> {
  const { count } = await deps.db.character.deleteMany({
    where: {
      deletedAt: { lte: restoreExpiryCutoff(deps.clock.now()) },
      ...(scope.nameKey !== undefined ? { nameLower: scope.nameKey } : {}),
    },
  });
  if (count > 0) deps.log.info({ count, ...scope }, 'purged expired characters');
  return count;
}
