'use client';
import Link from 'next/link';
import { useGameSession } from './game-session';
import { useGame } from './store-context';

/** Could not enter or reach the sim: say why and offer the way out (and a retry where it can help). */
export function FatalOverlay() {
  const { commands, characterId } = useGameSession();
  const onRetry = commands.reconnect;
  const fatal = useGame((s) => s.fatal);
  const kicked = useGame((s) => s.kicked);
  if (!fatal || kicked) return null;
  return (
    <div
      className="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="fatal-title"
      data-testid="fatal-overlay"
    >
      <div className="panel panel--magenta overlay__panel">
        <p className="panel__title">jack-in failed</p>
        <h2 id="fatal-title" className="overlay__title">
          {fatal.title}
        </h2>
        <p data-testid="fatal-message">{fatal.message}</p>
        <div className="overlay__actions">
          {fatal.retry && (
            <button type="button" className="btn" onClick={onRetry}>
              Try again
            </button>
          )}
          {fatal.reload && (
            <button
              type="button"
              className="btn"
              data-testid="fatal-reload"
              onClick={() => window.location.reload()}
            >
              Reload
            </button>
          )}
          {fatal.signIn ? (
            <Link
              href={`/signin?callbackUrl=${encodeURIComponent(`/play?c=${characterId}`)}`}
              className="btn btn--primary"
            >
              Sign in
            </Link>
          ) : (
            <Link href="/characters" className="btn btn--primary">
              Back to characters
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}
