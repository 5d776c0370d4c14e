'use client';
/**
 * The ready check: a match was found — its kind, the teams, Accept / Decline and a
 * bar running out with the 20 s. No sound: the card pulses and the tab's title
 * blinks until this player answered (steady, not blinking, with reduced motion).
 * Once accepted it waits for the others; it goes when the check is over.
 */
import { useEffect } from 'react';
import {
  QUEUE_LABEL,
  ROLE_LABEL,
  alertTitle,
  readyCheckFraction,
  readyCheckSeconds,
  teamOf,
} from './queue-view';
import { useLocalNow } from '../time/use-server-now';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/** The tab's title alternates with `text` while set (stays on it with reduced motion); the page's own again after. */
function useTitleAlert(text: string | null) {
  useEffect(() => {
    if (!text) return;
    const own = document.title;
    document.title = text;
    let on = true;
    const timer = reducedMotion()
      ? undefined
      : setInterval(() => {
          on = !on;
          document.title = on ? text : own;
        }, 1000);
    return () => {
      clearInterval(timer);
      document.title = own;
    };
  }, [text]);
}

export function ReadyCheck() {
  const match = useGame((s) => s.match);
  const { characterId, commands } = useGameSession();
  // the local clock: the deadline is the sim's "ms left" re-stamped on arrival (queue-view.ts)
  const now = useLocalNow(200);
  const status = match.status;
  const waiting = status.state === 'ready_check' && !status.accepted && now < status.deadline;
  useTitleAlert(alertTitle(match, now));
  if (status.state !== 'ready_check' || now >= status.deadline) return null;
  const secs = readyCheckSeconds(status.deadline, now);
  const frac = readyCheckFraction(status.deadline, now);
  const mine = teamOf(status, characterId);
  return (
    <div className="rcheck-layer">
      <section
        className={`rcheck${waiting ? ' is-alerting' : ''}`}
        role="alertdialog"
        aria-label="Match found"
        aria-describedby="rcheck-what"
        data-testid="ready-check"
        data-match={status.matchId}
        data-accepted={status.accepted}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <header className="rcheck__head">
          <span className="rcheck__kicker">
            {status.backfill ? 'Group in progress · replace a member who left' : 'Match found'}
          </span>
          <h2 className="rcheck__title" id="rcheck-what">
            {QUEUE_LABEL[status.queue]}
          </h2>
          <span className="rcheck__count" data-testid="ready-check-count">
            {status.acceptedCount} / {status.memberCount} ready
          </span>
        </header>
        <div className={`rcheck__teams rcheck__teams--${status.teams.length}`}>
          {status.teams.map((team, i) => (
            <ul key={i} className={`rcheck__team${i === mine ? ' is-mine' : ''}`}>
              <li className="rcheck__team-head">
                {status.teams.length === 1 ? 'Your group' : i === mine ? 'Your team' : 'Opponents'}
              </li>
              {team.map((m) => (
                <li key={m.characterId} className={m.characterId === characterId ? 'is-me' : ''}>
                  <span className="rcheck__lvl">{m.level}</span>
                  <span className="rcheck__name">{m.name}</span>
                  {m.role && <span className="rcheck__role">{ROLE_LABEL[m.role]}</span>}
                </li>
              ))}
            </ul>
          ))}
        </div>
        <div
          className="rcheck__timer"
          role="timer"
          aria-label={`${secs} seconds to answer`}
          data-testid="ready-check-timer"
          data-seconds={secs}
        >
          <span className="rcheck__timer-fill" style={{ width: `${frac * 100}%` }} />
          <span className="rcheck__secs">{secs} s</span>
        </div>
        {status.accepted ? (
          <p className="rcheck__wait" data-testid="ready-check-waiting">
            Accepted — waiting for the others…
          </p>
        ) : (
          <div className="rcheck__btns">
            <button
              type="button"
              className="btn btn--primary"
              data-testid="ready-check-accept"
              disabled={match.answering}
              onClick={() => void commands.matchAnswer(status.matchId, true)}
            >
              Accept
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              data-testid="ready-check-decline"
              disabled={match.answering}
              onClick={() => void commands.matchAnswer(status.matchId, false)}
            >
              Decline
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
