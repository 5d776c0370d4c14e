'use client';
/**
 * "X invites you to a party": Accept / Decline and a bar that runs out with the
 * invitation (60 s). An expired one disappears by itself; the newest is on top.
 */
import { openInvites } from './party-state';
import { useServerNow } from '../time/use-server-now';
import { PARTY_INVITE_MS } from '@necp/shared';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

export function PartyInvites() {
  const { commands } = useGameSession();
  const party = useGame((s) => s.party);
  const now = useServerNow(250);
  const invites = openInvites(party, now);
  if (invites.length === 0) return null;
  return (
    <div className="pinvites" aria-live="polite">
      {invites.map((inv) => {
        const left = Math.max(0, inv.expiresAt - now);
        return (
          <section
            key={inv.inviteId}
            className="pinvite"
            role="alertdialog"
            aria-label={`Party invitation from ${inv.from}`}
            data-testid="party-invite"
            data-from={inv.from}
            onMouseDown={(e) => e.stopPropagation()}
          >
            <p className="pinvite__text">
              <strong className="pinvite__from">{inv.from}</strong> invites you to a party.
            </p>
            <span className="pinvite__timer" aria-hidden>
              <span
                className="pinvite__timer-fill"
                style={{ width: `${(left / PARTY_INVITE_MS) * 100}%` }}
              />
            </span>
            <span className="pinvite__btns">
              <button
                type="button"
                className="btn btn--small"
                data-testid="party-invite-accept"
                onClick={() => void commands.partyAccept(inv)}
              >
                Accept
              </button>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                data-testid="party-invite-decline"
                onClick={() => void commands.partyDecline(inv)}
              >
                Decline <span className="pinvite__secs">{Math.ceil(left / 1000)} s</span>
              </button>
            </span>
          </section>
        );
      })}
    </div>
  );
}
