/**
 * An arena match ended (docs/matchmaking.md "Ratings"): in one transaction, every
 * participant's Glicko-2 row moves (each member rated against the other team's
 * combined rating), the match history gets its rows, and arena.match_finished is
 * published. Exactly once per match id: the statement that sets the match's endedAt
 * decides, under the participants' row locks (taken in id order, core/lock-order.ts).
 * Ratings are the current season's (the active Season row, held FOR SHARE).
 * Each result counts as much as its weight (arena-result-weights.ts: an unfought
 * forfeit, the same opponents again, new accounts): the rating moves that share of
 * the way, a weightless result is not tallied, and the event carries the weights
 * (renown and achievements count only what counted).
 */
import {
  DEFAULT_GLICKO2_RATING,
  FinishArenaMatchSchema,
  isContestedArenaFight,
  teamRating,
  updateGlicko2,
  weighRatingChange,
  type ArenaResult,
  type FinishArenaMatch,
  type Glicko2Rating,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { publishEvent } from '../outbox/publish-event';
import { lockCurrentSeason } from '../seasons/current-season';
import { weighArenaResults } from './arena-result-weights';

export interface ArenaParticipantChange {
  characterId: string;
  team: number;
  result: ArenaResult;
  ratingBefore: number;
  ratingAfter: number;
  /** how much the result counted, 0–1 */
  weight: number;
}

const resultOf = (teamIndex: number, winner: 0 | 1 | null): ArenaResult =>
  winner === null ? 'draw' : winner === teamIndex ? 'win' : 'loss';
const SCORE: Record<ArenaResult, 0 | 0.5 | 1> = { win: 1, draw: 0.5, loss: 0 };

/** Sets endedAt if nobody did: true for the one transaction that records the result. */
async function claimMatchEnd(
  tx: Tx,
  m: FinishArenaMatch,
  now: Date,
  season: string,
  contested: boolean,
): Promise<boolean> {
  await tx.match.createMany({
    data: [
      {
        id: m.matchId,
        kind: 'arena',
        bracket: m.bracket,
        season,
        createdAt: m.startedAt ?? now,
      },
    ],
    skipDuplicates: true,
  });
  const won = await tx.match.updateMany({
    where: { id: m.matchId, endedAt: null },
    data: { endedAt: now, winnerTeam: m.winner, bracket: m.bracket, season, contested },
  });
  return won.count === 1;
}

async function recorded(tx: Tx, matchId: string): Promise<ArenaParticipantChange[]> {
  const rows = await tx.matchParticipant.findMany({
    where: { matchId },
    orderBy: { characterId: 'asc' },
  });
  return rows.map((r) => ({
    characterId: r.characterId,
    team: r.team,
    result: closedSet.MatchParticipant.result.parse(r.result ?? 'draw'),
    ratingBefore: r.ratingBefore ?? DEFAULT_GLICKO2_RATING.rating,
    ratingAfter: r.ratingAfter ?? DEFAULT_GLICKO2_RATING.rating,
    weight: r.weight ?? 1,
  }));
}

export async function finishArenaMatch(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: FinishArenaMatch,
): Promise<{ recorded: boolean; participants: ArenaParticipantChange[] }> {
  const m = parseInput(FinishArenaMatchSchema, input);
  const ids = m.teams.flat();
  return inTransaction(deps.db, async (tx) => {
    // the season first (its row, then the characters): a season ending meanwhile waits
    // for this match's ratings, or this match rates in the season it opened
    const season = (await lockCurrentSeason(tx)).key;
    const live = new Set((await lockCharacters(tx, ids)).map((c) => c.id));
    const now = deps.clock.now();
    const contested = isContestedArenaFight(m.fight, m.winner);
    if (!(await claimMatchEnd(tx, m, now, season, contested)))
      return { recorded: false, participants: await recorded(tx, m.matchId) };
    const weights = await weighArenaResults(tx, {
      matchId: m.matchId,
      teams: m.teams,
      resultOf: (i) => resultOf(i, m.winner),
      contested,
      forfeit: m.fight.by === 'forfeit',
      now,
    });

    const rows = await tx.arenaRating.findMany({
      where: { characterId: { in: ids }, bracket: m.bracket, season },
    });
    const before = (id: string): Glicko2Rating =>
      rows.find((r) => r.characterId === id) ?? DEFAULT_GLICKO2_RATING;
    const sides = m.teams.map((t) => teamRating(t.map(before)));
    const participants: ArenaParticipantChange[] = [];
    for (const [i, members] of m.teams.entries()) {
      const result = resultOf(i, m.winner);
      for (const characterId of members) {
        // a character deleted mid-match keeps no rating; the others are rated as usual
        if (!live.has(characterId)) continue;
        const was = before(characterId);
        const weight = weights.get(characterId) ?? 0;
        const full = updateGlicko2(was, [{ opponent: sides[1 - i]!, score: SCORE[result] }]);
        const next = weighRatingChange(was, full, weight);
        // a result that counted nothing is history only, not a tally on the board
        const counts = weight > 0 ? 1 : 0;
        const tally = {
          wins: result === 'win' ? counts : 0,
          losses: result === 'loss' ? counts : 0,
        };
        const draws = result === 'draw' ? counts : 0;
        await tx.arenaRating.upsert({
          where: { characterId_bracket_season: { characterId, bracket: m.bracket, season } },
          create: {
            characterId,
            bracket: m.bracket,
            season,
            ...next,
            ...tally,
            draws,
            updatedAt: now,
          },
          update: {
            ...next,
            wins: { increment: tally.wins },
            losses: { increment: tally.losses },
            draws: { increment: draws },
            updatedAt: now,
          },
        });
        const row = {
          team: i,
          result,
          ratingBefore: was.rating,
          ratingAfter: next.rating,
          weight,
        };
        await tx.matchParticipant.upsert({
          where: { matchId_characterId: { matchId: m.matchId, characterId } },
          create: { matchId: m.matchId, characterId, ...row },
          update: row,
        });
        participants.push({ characterId, ...row });
      }
    }
    await publishEvent(tx, {
      type: 'arena.match_finished',
      key: `arena.match_finished:${m.matchId}`,
      payload: {
        matchId: m.matchId,
        bracket: m.bracket,
        // a draw has no winners (the event's rule)
        winners: m.winner === null ? [] : m.teams[m.winner],
        losers: m.winner === null ? [] : m.teams[1 - m.winner]!,
        weights: Object.fromEntries(weights),
      },
    });
    return {
      recorded: true,
      participants: participants.sort((a, b) => (a.characterId < b.characterId ? -1 : 1)),
    };
  });
}
