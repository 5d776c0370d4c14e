'use client';
/**
 * My market orders: the open ones (cancel), what waits to be collected (eddies earned,
 * goods bought, unsold goods back), the last closed ones; "Collect all" at the top.
 */
import { eddiesText, timeLeftText } from '../auction/auction-view';
import { ItemGlyph } from '../items/item-glyph';
import { useServerNow } from '../time/use-server-now';
import { orderStatus } from './market-view';
import { useMarketActions, useMyMarketOrders } from './use-market';

export function MarketOrders() {
  const mine = useMyMarketOrders(true);
  const actions = useMarketActions();
  const now = useServerNow(1000);
  const data = mine.data;
  if (!data) return <p className="ah-empty">Reading your orders…</p>;
  const due = data.collect;
  return (
    <div className="mk-orders" data-testid="market-orders">
      <header className="mk-orders__head">
        <span data-testid="market-collect-due">
          To collect: <b>{eddiesText(due.eddies)}</b>
          {due.quantity > 0 && ` and ${due.quantity} units`}
        </span>
        <button
          type="button"
          className="btn btn--small"
          data-testid="market-collect-all"
          disabled={actions.pending || (due.eddies === 0 && due.quantity === 0)}
          onClick={() => actions.collect.mutate(undefined)}
        >
          Collect all
        </button>
      </header>
      {data.orders.length === 0 && (
        <p className="ah-empty">No orders yet: pick a good in Market.</p>
      )}
      {data.orders.map((o) => (
        <div
          key={o.id}
          className={`mk-order mk-order--${o.side}${o.state === 'open' ? '' : ' is-closed'}`}
          data-testid="market-order"
          data-state={o.state}
        >
          <ItemGlyph templateId={o.templateId} size="sm" />
          <span className="mk-order__what">
            <b className={`mk-order__side mk-${o.side === 'buy' ? 'bid' : 'ask'}`}>{o.side}</b>{' '}
            {o.name} ×{o.quantity} at {eddiesText(o.price)}
            {o.type === 'market' && <span className="muted"> (market)</span>}
          </span>
          <span className="mk-order__status" data-testid="market-order-status">
            {orderStatus(o)}
            {o.filled > 0 && <span className="muted"> · avg {eddiesText(o.avgPrice)}</span>}
            {o.state === 'open' && (
              <span className="muted"> · {timeLeftText(o.expiresAt, now)}</span>
            )}
          </span>
          <span className="mk-order__acts">
            {(o.collect.eddies > 0 || o.collect.quantity > 0) && (
              <button
                type="button"
                className="btn btn--small"
                data-testid="market-collect"
                disabled={actions.pending}
                onClick={() => actions.collect.mutate(o.id)}
              >
                Collect {o.collect.eddies > 0 && eddiesText(o.collect.eddies)}
                {o.collect.quantity > 0 && ` ×${o.collect.quantity}`}
              </button>
            )}
            {o.state === 'open' && (
              <button
                type="button"
                className="btn btn--small btn--ghost"
                data-testid="market-cancel"
                disabled={actions.pending}
                onClick={() => actions.cancel.mutate(o.id)}
              >
                Cancel
              </button>
            )}
          </span>
        </div>
      ))}
    </div>
  );
}
