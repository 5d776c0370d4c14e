import { ACHIEVEMENTS, titleById, type PublicProfile } from '@necp/shared';
import { readAchievements } from '../achievements/read-achievements';
import { nameKey } from '../characters/name-policy';
import { ratingsOf } from '../contracts/ratings';
import { closedSet } from '../core/closed-columns';
import { DomainError } from '../core/errors';
import { readArenaProfile, readPastSeasons } from '../seasons/read-arena-profile';
import { readLeaderboardRanks, type ReadDeps } from './read-leaderboards';

/**
 * A player's public profile by character name: level, class, title, guild, its
 * place on every board, the achievements it earned (hidden ones only once
 * earned), its arena season (ratings, recent matches), its past-season places and its
 * public contract rating. Deleted characters and banned accounts have none (NOT_FOUND).
 */
export async function readPublicProfile(deps: ReadDeps, name: string): Promise<PublicProfile> {
  const now = deps.clock.now();
  const c = await deps.db.character.findFirst({
    where: {
      nameLower: nameKey(name),
      deletedAt: null,
      user: { OR: [{ bannedUntil: null }, { bannedUntil: { lte: now } }] },
    },
    select: {
      id: true,
      name: true,
      class: true,
      level: true,
      titleId: true,
      achievementPoints: true,
      createdAt: true,
      guildMember: { select: { guild: { select: { name: true, tag: true } } } },
    },
  });
  if (!c) throw new DomainError('NOT_FOUND', 'no listed character', 'No runner goes by that name.');
  const [ranks, achievements, arena, pastSeasons, ratings] = await Promise.all([
    readLeaderboardRanks(deps, { characterId: c.id }),
    readAchievements(deps, c.id),
    readArenaProfile(deps, c.id),
    readPastSeasons(deps, c.id),
    ratingsOf(deps.db, [c.id]),
  ]);
  return {
    characterId: c.id,
    name: c.name,
    class: closedSet.Character.class.parse(c.class),
    level: c.level,
    title: c.titleId ? (titleById(c.titleId)?.text ?? null) : null,
    achievementPoints: c.achievementPoints,
    guild: c.guildMember?.guild ?? null,
    createdAt: c.createdAt.getTime(),
    standings: ranks.standings,
    achievements: achievements.achievements
      .flatMap((a) =>
        a.completedAt === null
          ? []
          : [
              {
                id: a.id,
                name: a.name,
                description: a.description,
                category: a.category,
                points: a.points,
                completedAt: a.completedAt,
              },
            ],
      )
      .toSorted((a, b) => b.completedAt - a.completedAt || a.name.localeCompare(b.name)),
    achievementsTotal: ACHIEVEMENTS.length,
    arena,
    pastSeasons,
    contractRating: ratings.get(c.id) ?? { score: null, count: 0 },
  };
}
