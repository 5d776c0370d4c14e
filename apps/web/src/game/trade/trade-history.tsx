'use client';
/**
 * The Trades tab of the character sheet (C, anywhere in the city): your ended trades,
 * newest first — with whom, how it ended, what you gave and got (a cancelled one: what
 * was on the table).
 */
import { refusal } from '@/trpc/errors';
import type { TradeHistoryEntry } from '@necp/shared';
import { itemName } from '../items/templates';
import { OlderMailButton } from '../mail/older-mail-button';
import { useTradeHistory } from './use-trade-history';

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

const RESULT: Record<TradeHistoryEntry['result'], string> = {
  completed: 'completed',
  cancelled: 'cancelled',
  declined: 'declined',
  unanswered: 'unanswered',
  disconnected: 'a trader left',
  died: 'a trader died',
  out_of_range: 'too far apart',
  zone_changed: 'left the district',
  idle: 'timed out',
};

function goods(items: TradeHistoryEntry['gave'], eddies: number): string {
  const parts = items.map(
    (i) => `${itemName(i.templateId)}${i.quantity > 1 ? ` ×${i.quantity}` : ''}`,
  );
  if (eddies > 0) parts.push(yen(eddies));
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export function TradeHistory() {
  const { query, entries } = useTradeHistory(true);
  if (!query.data)
    return query.isError ? (
      <p className="gwin__msg form-error">{refusal(query.error)}</p>
    ) : (
      <p className="gwin__msg muted">Looking up your trades…</p>
    );
  if (entries.length === 0)
    return (
      <p className="mail__empty muted" data-testid="trade-history-empty">
        No trades yet. Right-click a player near you, or type /trade name.
      </p>
    );
  return (
    <>
      <ul className="mail__list" aria-label="Trade history">
        {entries.map((e) => (
          <li
            key={e.id}
            className={`mrow mrow--sent is-${e.result === 'completed' ? 'delivered' : 'returned'}`}
            data-testid="trade-history-row"
            data-result={e.result}
          >
            <span className="mrow__dot" aria-hidden />
            <span className="mrow__main">
              <span className="mrow__top">
                <span className="mrow__from">with {e.with}</span>
                <span className="mrow__ago mrow__state">
                  {RESULT[e.result]} · {new Date(e.closedAt).toLocaleString()}
                </span>
              </span>
              <span className="mrow__subject">
                gave {goods(e.gave, e.gaveEddies)} · got {goods(e.got, e.gotEddies)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <OlderMailButton query={query} label="Older trades" />
    </>
  );
}
