'use client';
import Link from 'next/link';
import type { KickReason } from '@necp/shared';
import { useGameSession } from './game-session';
import { useGame } from './store-context';

const TITLES: Record<KickReason, string> = {
  takeover: 'Signed in elsewhere',
  bad_payloads: 'Disconnected',
  server_shutdown: 'Server restarting',
  banned: 'Account suspended',
  signed_out: 'Signed out',
  zone_moved: 'District moved',
};

const FALLBACK_TEXT: Record<KickReason, string> = {
  takeover: 'This character was entered from another window or device, so this session was closed.',
  bad_payloads: 'Your client sent too many invalid messages.',
  server_shutdown: 'The game server is going down for a moment. Try again shortly.',
  banned: 'This account can no longer play.',
  signed_out: 'This account was signed out everywhere. Sign in again to play.',
  // not shown in practice: the client follows the zone to its new server by itself
  zone_moved: 'This district moved to another server.',
};

/** Full-screen notice; after a takeover there is deliberately no automatic reconnect. */
export function KickedOverlay() {
  const kicked = useGame((s) => s.kicked);
  const { commands } = useGameSession();
  const onReconnect = commands.reconnect;
  if (!kicked) return null;
  const canRetry = kicked.reason === 'server_shutdown';
  return (
    <div
      className="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="kicked-title"
      data-testid="kicked-overlay"
      data-reason={kicked.reason}
    >
      <div className="panel panel--magenta overlay__panel">
        <p className="panel__title">session terminated</p>
        <h2 id="kicked-title" className="overlay__title glitch" data-text={TITLES[kicked.reason]}>
          {TITLES[kicked.reason]}
        </h2>
        <p data-testid="kicked-message">{kicked.message || FALLBACK_TEXT[kicked.reason]}</p>
        <div className="overlay__actions">
          {canRetry && (
            <button type="button" className="btn" onClick={onReconnect}>
              Reconnect
            </button>
          )}
          <Link href="/characters" className="btn btn--primary" data-testid="kicked-back">
            Back to characters
          </Link>
        </div>
      </div>
    </div>
  );
}
