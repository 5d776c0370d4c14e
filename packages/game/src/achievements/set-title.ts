import { titleById } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';

/**
 * Chooses the title the character shows on its nameplate and profile: one an
 * achievement it earned unlocks; null shows none. One conditional statement, so the
 * check and the write cannot be split.
 */
export async function setAchievementTitle(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; titleId: string | null },
): Promise<{ title: { id: string; text: string } | null }> {
  if (input.titleId === null) {
    const r = await deps.db.character.updateMany({
      where: { id: input.characterId, deletedAt: null },
      data: { titleId: null },
    });
    if (r.count === 0) throw new DomainError('NOT_FOUND', 'no character', 'Character not found.');
    return { title: null };
  }
  const title = titleById(input.titleId);
  if (!title) throw new DomainError('NOT_FOUND', 'no title', 'There is no such title.');
  const changed = await deps.db.$executeRaw`
    UPDATE "Character" SET "titleId" = ${title.id}
    WHERE "id" = ${input.characterId} AND "deletedAt" IS NULL AND EXISTS (
      SELECT 1 FROM "CharacterAchievement"
      WHERE "characterId" = ${input.characterId}
        AND "achievementId" = ${title.achievementId}
        AND "completedAt" IS NOT NULL)`;
  if (changed === 0)
    throw new DomainError(
      'INVALID_STATE',
      'title locked',
      `Earn “${title.text}” first: it comes with an achievement you have not completed.`,
    );
  return { title: { id: title.id, text: title.text } };
}
