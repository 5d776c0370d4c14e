/**
 * The arena part of a public profile: this season's rating per bracket (brackets not
 * played this season are left out), the latest finished arena matches with the
 * opponents and the rating change (MatchParticipant), and the character's final places
 * in past seasons (SeasonStanding).
 */
import {
  ARENA_BRACKETS,
  type ProfileArena,
  type ProfileArenaMatch,
  type ProfileSeasonStanding,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { currentSeason, seasonView } from './current-season';

/** Matches a profile lists. */
export const PROFILE_RECENT_MATCHES = 10;
/** Past-season places a profile lists (newest seasons first). */
export const PROFILE_PAST_STANDINGS = 30;

export async function readArenaProfile(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<ProfileArena> {
  const season = await currentSeason(deps.db);
  const ratings = await deps.db.arenaRating.findMany({
    where: { characterId, season: season.key },
  });
  const mine = await deps.db.matchParticipant.findMany({
    where: { characterId, result: { not: null }, match: { kind: 'arena', endedAt: { not: null } } },
    orderBy: [{ match: { endedAt: 'desc' } }, { matchId: 'asc' }],
    take: PROFILE_RECENT_MATCHES,
    select: {
      matchId: true,
      team: true,
      result: true,
      ratingBefore: true,
      ratingAfter: true,
      match: {
        select: {
          bracket: true,
          season: true,
          endedAt: true,
          participants: {
            where: { characterId: { not: characterId }, character: { deletedAt: null } },
            select: { team: true, character: { select: { name: true } } },
            orderBy: { characterId: 'asc' },
          },
        },
      },
    },
  });
  const recent = mine.map((p): ProfileArenaMatch => ({
    matchId: p.matchId,
    bracket: closedSet.Match.bracket.parse(p.match.bracket ?? '1v1'),
    season: p.match.season,
    endedAt: p.match.endedAt!.getTime(),
    result: closedSet.MatchParticipant.result.parse(p.result),
    ratingBefore: Math.round(p.ratingBefore ?? 0),
    ratingAfter: Math.round(p.ratingAfter ?? 0),
    opponents: p.match.participants.filter((o) => o.team !== p.team).map((o) => o.character.name),
    teammates: p.match.participants.filter((o) => o.team === p.team).map((o) => o.character.name),
  }));
  return {
    season: seasonView(season),
    ratings: ARENA_BRACKETS.flatMap((bracket) => {
      const r = ratings.find((x) => x.bracket === bracket);
      if (!r || r.wins + r.losses + r.draws === 0) return [];
      return [
        {
          bracket,
          rating: Math.round(r.rating),
          rd: Math.round(r.rd),
          wins: r.wins,
          losses: r.losses,
          draws: r.draws,
        },
      ];
    }),
    recent,
  };
}

export async function readPastSeasons(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<ProfileSeasonStanding[]> {
  const rows = await deps.db.seasonStanding.findMany({
    where: { subjectId: characterId },
    orderBy: [{ seasonRow: { number: 'desc' } }, { board: 'asc' }, { scope: 'asc' }],
    take: PROFILE_PAST_STANDINGS,
    select: { season: true, board: true, scope: true, rank: true, value: true },
  });
  return rows.map((r) => ({
    ...r,
    board: closedSet.SeasonStanding.board.parse(r.board),
    scope: closedSet.SeasonStanding.scope.parse(r.scope),
  }));
}
