import type { CharacterSummary } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { restoreExpiryCutoff, toCharacterSummary } from './character-summary';

/** Live characters plus soft-deleted ones still restorable, oldest first. */
export async function listCharacters(deps: GameDeps, userId: string): Promise<CharacterSummary[]> {
  const rows = await deps.db.character.findMany({
    where: {
      userId,
      OR: [{ deletedAt: null }, { deletedAt: { gt: restoreExpiryCutoff(deps.clock.now()) } }],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toCharacterSummary);
}
