import type { Character } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { characterNotFound } from '../core/errors';

/**
 * The caller's character. Someone else's character and a missing id give the same
 * NOT_FOUND, so ids cannot be probed. Soft-deleted characters count as missing
 * unless `includeDeleted` is set.
 */
export async function getOwnedCharacter(
  deps: Pick<GameDeps, 'db'>,
  userId: string,
  characterId: string,
  opts: { includeDeleted?: boolean } = {},
): Promise<Character> {
  const c = await deps.db.character.findFirst({
    where: { id: characterId, userId, ...(opts.includeDeleted ? {} : { deletedAt: null }) },
  });
  if (!c) throw characterNotFound(characterId);
  return c;
}
