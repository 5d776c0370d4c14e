import { randomUUID } from 'node:crypto';
import { titleById } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { publishEvent } from '../outbox/publish-event';
import { inTransaction } from '../core/transaction';

/**
 * Chooses the title the character shows on its nameplate and profile: one an
 * achievement it earned unlocks; null shows none. One conditional statement, so the
 * check and the write cannot be split; in the same transaction
 * `character.title_changed` tells the sim, which shows the new title to everyone
 * around (apps/sim session/outbox-reactions.ts).
 */
export async function setAchievementTitle(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; titleId: string | null },
): Promise<{ title: { id: string; text: string } | null }> {
  const { characterId } = input;
  if (input.titleId === null) {
    await inTransaction(deps.db, async (tx) => {
      const r = await tx.character.updateMany({
        where: { id: characterId, deletedAt: null },
        data: { titleId: null },
      });
      if (r.count === 0) throw new DomainError('NOT_FOUND', 'no character', 'Character not found.');
      await publishTitleChanged(tx, characterId);
    });
    return { title: null };
  }
  const title = titleById(input.titleId);
  if (!title) throw new DomainError('NOT_FOUND', 'no title', 'There is no such title.');
  await inTransaction(deps.db, async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE "Character" SET "titleId" = ${title.id}
      WHERE "id" = ${characterId} AND "deletedAt" IS NULL AND EXISTS (
        SELECT 1 FROM "CharacterAchievement"
        WHERE "characterId" = ${characterId}
          AND "achievementId" = ${title.achievementId}
          AND "completedAt" IS NOT NULL)`;
    if (changed === 0)
      throw new DomainError(
        'INVALID_STATE',
        'title locked',
        `Earn “${title.text}” first: it comes with an achievement you have not completed.`,
      );
    await publishTitleChanged(tx, characterId);
  });
  return { title: { id: title.id, text: title.text } };
}

/** Every choice is its own happening: the key carries a random id. */
const publishTitleChanged = (tx: Tx, characterId: string) =>
  publishEvent(tx, {
    type: 'character.title_changed',
    key: `character.title_changed:${characterId}:${randomUUID()}`,
    payload: { characterId },
  });

/** The text of a chosen title for the nameplate (null: none, or one content no longer has). */
export const titleText = (titleId: string | null | undefined): string | null =>
  (titleId ? titleById(titleId)?.text : undefined) ?? null;

/** The title the character shows now (null: none), or undefined when there is no such character. */
export async function shownTitle(tx: Tx, characterId: string): Promise<string | null | undefined> {
  const row = await tx.character.findUnique({
    where: { id: characterId },
    select: { titleId: true },
  });
  return row ? titleText(row.titleId) : undefined;
}
