import { MAX_CHARACTERS_PER_ACCOUNT, type CharacterSummary } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { characterNotFound, DomainError } from '../core/errors';
import { lockAccountRow } from '../core/row-locks';
import { countLiveCharacters } from './live-characters';
import { restorableUntil, toCharacterSummary } from './character-summary';
import { characterLimitReached } from './create-character';
import type { CharacterRef } from './delete-character';
import { publishCharacterLifecycle } from './character-events';
import { inTransaction } from '../core/transaction';

/** Undoes a soft delete within the restore window, if the account has room for one more live character. */
export async function restoreCharacter(
  deps: GameDeps,
  ref: CharacterRef,
): Promise<CharacterSummary> {
  const now = deps.clock.now();
  const row = await inTransaction(deps.db, async (tx) => {
    // same lock as createCharacter, so a restore and a create cannot both take the last slot
    if (!(await lockAccountRow(tx, ref.userId))) throw characterNotFound(ref.characterId);
    const c = await tx.character.findFirst({ where: { id: ref.characterId, userId: ref.userId } });
    if (!c) throw characterNotFound(ref.characterId);
    if (!c.deletedAt)
      throw new DomainError(
        'INVALID_STATE',
        'character not deleted',
        'That character is not deleted',
      );
    if (restorableUntil(c.deletedAt) <= now) {
      throw new DomainError(
        'INVALID_STATE',
        'restore window passed',
        'This character can no longer be restored',
      );
    }
    if ((await countLiveCharacters(tx, ref.userId)) >= MAX_CHARACTERS_PER_ACCOUNT)
      throw characterLimitReached();
    const restored = await tx.character.update({ where: { id: c.id }, data: { deletedAt: null } });
    await publishCharacterLifecycle(tx, {
      type: 'character.restored',
      deletedAt: c.deletedAt,
      characterId: c.id,
      userId: ref.userId,
    });
    return restored;
  });
  deps.log.info({ userId: ref.userId, characterId: row.id }, 'character restored');
  return toCharacterSummary(row);
}
