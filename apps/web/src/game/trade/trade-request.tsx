'use client';
/**
 * "X wants to trade": Accept / Decline and a bar that runs out with the request
 * (TRADE_REQUEST_MS). A lapsed one disappears by itself.
 */
import { TRADE_REQUEST_MS } from '@necp/shared';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { useServerNow } from '../time/use-server-now';
import { openRequests } from './trade-state';

export function TradeRequests() {
  const { commands } = useGameSession();
  const trade = useGame((s) => s.trade);
  const now = useServerNow(250);
  const requests = openRequests(trade, now);
  if (requests.length === 0) return null;
  return (
    <div className="pinvites treqs" aria-live="polite">
      {requests.map((r) => {
        const left = Math.max(0, r.expiresAt - now);
        return (
          <section
            key={r.tradeId}
            className="pinvite"
            role="alertdialog"
            aria-label={`Trade request from ${r.from.name}`}
            data-testid="trade-request"
            data-from={r.from.name}
            onMouseDown={(e) => e.stopPropagation()}
          >
            <p className="pinvite__text">
              <strong className="pinvite__from">{r.from.name}</strong> wants to trade with you.
            </p>
            <span className="pinvite__timer" aria-hidden>
              <span
                className="pinvite__timer-fill"
                style={{ width: `${(left / TRADE_REQUEST_MS) * 100}%` }}
              />
            </span>
            <span className="pinvite__btns">
              <button
                type="button"
                className="btn btn--small"
                data-testid="trade-request-accept"
                onClick={() => void commands.tradeAnswer(r.tradeId, true)}
              >
                Trade
              </button>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                data-testid="trade-request-decline"
                onClick={() => void commands.tradeAnswer(r.tradeId, false)}
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
