'use client';
/**
 * The arena's one end-of-match presentation (arena-view.ts arenaEndView): fallen
 * before the end, "You are out"; once the match is over the result replaces it —
 * VICTORY / DEFEAT / DRAW and why,
 * everyone's rating before → after with the change coloured, and the count
 * down until the sim sends everyone back (instance:transfer takes over then).
 */
import {
  arenaEndView,
  arenaOutcome,
  outcomeReason,
  ratingDelta,
  ratingRows,
  returnSeconds,
} from './arena-view';
import { useNow } from '../combat/use-frame';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { ArenaOut } from './arena-out';

const TITLE = { victory: 'Victory', defeat: 'Defeat', draw: 'Draw' } as const;

export function ArenaResult() {
  const result = useGame((s) => s.arenaResult);
  const view = useGame((s) =>
    arenaEndView({ inArena: s.arena !== null, selfDead: s.selfDead, hasResult: !!s.arenaResult }),
  );
  const killer = useGame((s) => s.killer);
  const { characterId } = useGameSession();
  const now = useNow(250, result !== null);
  if (view === 'out') return <ArenaOut killer={killer} />;
  if (!result) return null;
  const r = result.msg;
  const outcome = arenaOutcome(r);
  const secs = returnSeconds(r.returnInMs, result.at, now);
  return (
    <div className="arena-result-wrap">
      <div
        className={`arena-result arena-result--${outcome}`}
        data-testid="arena-result"
        data-outcome={outcome}
        data-by={r.by}
        data-match-id={r.matchId}
        // read out, not modal: the players may still walk about until they are sent back
        role="status"
        aria-labelledby="arena-result-title"
      >
        <p className="arena-result__kicker">Arena {r.bracket} · match over</p>
        <h2
          id="arena-result-title"
          className="arena-result__title glitch"
          data-testid="arena-result-outcome"
        >
          {TITLE[outcome]}
        </h2>
        <p className="arena-result__reason" data-testid="arena-result-reason">
          {outcomeReason(r)}
        </p>
        {r.ratings.length > 0 && (
          <table className="arena-result__ratings" data-testid="arena-result-ratings">
            <thead>
              <tr>
                <th scope="col">Player</th>
                <th scope="col">Rating</th>
                <th scope="col" className="sr-only">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {ratingRows(r).map((x) => {
                const d = ratingDelta(x.before, x.after);
                const ally = x.team === r.you;
                return (
                  <tr
                    key={x.characterId}
                    className={`arena-rating arena-rating--${ally ? 'ally' : 'enemy'}${x.characterId === characterId ? ' is-self' : ''}`}
                    data-testid="arena-rating-row"
                    data-character-id={x.characterId}
                    data-name={x.name}
                    data-team={x.team}
                    data-before={Math.round(x.before)}
                    data-after={Math.round(x.after)}
                    data-delta={d.delta}
                  >
                    <th scope="row" className="arena-rating__name">
                      {x.name}
                    </th>
                    <td className="arena-rating__values">
                      {Math.round(x.before)}
                      <span className="arena-rating__arrow" aria-label="to">
                        →
                      </span>
                      <b>{Math.round(x.after)}</b>
                    </td>
                    <td className={`arena-rating__delta is-${d.tone}`}>{d.text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p
          className="arena-result__return"
          data-testid="arena-return-countdown"
          data-seconds={secs}
        >
          {secs > 0 ? `Returning in ${secs} s` : 'Returning…'}
        </p>
      </div>
    </div>
  );
}
