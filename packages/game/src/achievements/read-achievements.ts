import {
  ACHIEVEMENTS,
  achievementTarget,
  titleById,
  type AchievementView,
  type AchievementsView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { getLiveCharacter } from '../characters/get-owned-character';

const HIDDEN_NAME = '???';
const HIDDEN_DESCRIPTION = 'A hidden achievement. Keep playing to find out.';

/**
 * Every achievement with the character's progress, its points, the titles it earned
 * and the one it shows. A hidden achievement not yet earned shows neither its name,
 * its description nor its title.
 */
export async function readAchievements(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<AchievementsView> {
  const [character, rows] = await Promise.all([
    getLiveCharacter(deps, characterId, { achievementPoints: true, titleId: true }),
    deps.db.characterAchievement.findMany({ where: { characterId } }),
  ]);
  const byId = new Map(rows.map((r) => [r.achievementId, r]));

  const achievements: AchievementView[] = ACHIEVEMENTS.map((a) => {
    const row = byId.get(a.id);
    const target = achievementTarget(a.criterion);
    const earned = row?.completedAt != null;
    const veiled = a.hidden && !earned;
    return {
      id: a.id,
      name: veiled ? HIDDEN_NAME : a.name,
      description: veiled ? HIDDEN_DESCRIPTION : a.description,
      category: a.category,
      points: a.points,
      hidden: a.hidden,
      title: a.title && !veiled ? { id: a.title.id, text: a.title.text } : null,
      progress: Math.min(target, row?.progress ?? 0),
      target,
      completedAt: row?.completedAt?.getTime() ?? null,
    };
  });
  const titles = ACHIEVEMENTS.flatMap((a) =>
    a.title && byId.get(a.id)?.completedAt
      ? [{ id: a.title.id, text: a.title.text, achievementId: a.id }]
      : [],
  );
  const shown = character.titleId ? titleById(character.titleId) : undefined;
  return {
    characterId,
    points: character.achievementPoints,
    title: shown ? { id: shown.id, text: shown.text } : null,
    titles,
    achievements,
  };
}
