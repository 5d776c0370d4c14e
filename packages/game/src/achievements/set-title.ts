import { titleById } from '@necp/shared';
import { Prisma } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { characterNotFound, DomainError } from '../core/errors';
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
      const [row] = await chooseTitle(tx, characterId, null, Prisma.sql`true`);
      if (!row) throw characterNotFound(characterId);
      await publishTitleChanged(tx, characterId, row);
    });
    return { title: null };
  }
  const title = titleById(input.titleId);
  if (!title) throw new DomainError('NOT_FOUND', 'no title', 'There is no such title.');
  await inTransaction(deps.db, async (tx) => {
    const [row] = await chooseTitle(
      tx,
      characterId,
      title.id,
      Prisma.sql`EXISTS (
        SELECT 1 FROM "CharacterAchievement"
        WHERE "characterId" = ${characterId}
          AND "achievementId" = ${title.achievementId}
          AND "completedAt" IS NOT NULL)`,
    );
    if (!row)
      throw new DomainError(
        'INVALID_STATE',
        'title locked',
        `Earn “${title.text}” first: it comes with an achievement you have not completed.`,
      );
    await publishTitleChanged(tx, characterId, row);
  });
  return { title: { id: title.id, text: title.text } };
}

/**
 * Writes the choice of a live character when `allowed`; a new title stamps the row's
 * updatedAt, the title it already shows keeps it. The row's title and updatedAt after the
 * write are the choice's version.
 */
const chooseTitle = (tx: Tx, characterId: string, titleId: string | null, allowed: Prisma.Sql) =>
  tx.$queryRaw<TitleVersion[]>`
    UPDATE "Character" SET "titleId" = ${titleId},
      "updatedAt" = CASE WHEN "titleId" IS NOT DISTINCT FROM ${titleId} THEN "updatedAt"
        ELSE now() END
    WHERE "id" = ${characterId} AND "deletedAt" IS NULL AND ${allowed}
    RETURNING "titleId", "updatedAt"`;

interface TitleVersion {
  titleId: string | null;
  updatedAt: Date;
}

/**
 * Named by the choice's version (the title and the updatedAt it wrote): choosing the
 * title already shown again — a retry — writes no new version and publishes nothing;
 * choosing another, or back, is a new one.
 */
const publishTitleChanged = (tx: Tx, characterId: string, v: TitleVersion) =>
  publishEvent(tx, {
    type: 'character.title_changed',
    key: `character.title_changed:${characterId}:${v.titleId ?? 'none'}:${v.updatedAt.toISOString()}`,
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
