import type { GameDeps } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { currentSeason } from '../seasons/current-season';
import type { ConfirmedMatch } from './tickets';

/**
 * Writes a confirmed match's history rows (Match and its participants by team) when
 * its instance starts; repeated calls change nothing. Arena results are added by
 * finishArenaMatch, which also copes with a match never recorded here.
 */
export async function recordMatchStarted(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { match: ConfirmedMatch },
): Promise<void> {
  const m = input.match;
  // the season it starts in (finishArenaMatch records the one it ends in)
  const season = m.kind === 'arena' ? (await currentSeason(deps.db)).key : null;
  await inTransaction(deps.db, async (tx) => {
    await tx.match.createMany({
      data: [
        {
          id: m.matchId,
          kind: m.kind,
          bracket: m.bracket,
          season,
          createdAt: deps.clock.now(),
        },
      ],
      skipDuplicates: true,
    });
    await tx.matchParticipant.createMany({
      data: m.teams.flatMap((ids, team) =>
        ids.map((characterId) => ({ matchId: m.matchId, characterId, team })),
      ),
      skipDuplicates: true,
    });
  });
}
