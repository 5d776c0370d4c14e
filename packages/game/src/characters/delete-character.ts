import type { CharacterSummary } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { toCharacterSummary } from './character-summary';
import { getOwnedCharacter } from './get-owned-character';
import { publishCharacterLifecycle } from './character-events';
import { inTransaction } from '../core/transaction';

export interface CharacterRef {
  userId: string;
  characterId: string;
}

const alreadyDeleted = () =>
  new DomainError(
    'INVALID_STATE',
    'character already deleted',
    'That character is already deleted',
  );

/** Soft delete: the character can be restored for CHARACTER_RESTORE_DAYS and keeps its name meanwhile. */
export async function deleteCharacter(
  deps: GameDeps,
  ref: CharacterRef,
): Promise<CharacterSummary> {
  const c = await getOwnedCharacter(deps, ref.userId, ref.characterId, { includeDeleted: true });
  if (c.deletedAt) throw alreadyDeleted();
  const deletedAt = deps.clock.now();
  const count = await inTransaction(deps.db, async (tx) => {
    // guarded by deletedAt: null so two concurrent deletes cannot both succeed
    const r = await tx.character.updateMany({
      where: { id: c.id, userId: ref.userId, deletedAt: null },
      data: { deletedAt },
    });
    if (r.count > 0)
      await publishCharacterLifecycle(tx, {
        type: 'character.deleted',
        deletedAt,
        characterId: c.id,
        userId: ref.userId,
      });
    return r.count;
  });
  if (count === 0) throw alreadyDeleted();
  deps.log.info({ userId: ref.userId, characterId: c.id }, 'character deleted');
  return toCharacterSummary({ ...c, deletedAt });
}
