'use client';
/** One listing of the Reef Exchange: the item, its time left, the price, and what you may do. */
import { useState, type CSSProperties } from 'react';
import type { AuctionListingView } from '@necp/shared';
import { useGame } from '../hud/store-context';
import { ItemGlyph } from '../items/item-glyph';
import { rarityColor } from '../items/rarity';
import {
  actionsFor,
  eddiesText,
  endingSoon,
  mineBadge,
  parseEddies,
  timeLeftText,
} from './auction-view';
import { useAuctionActions } from './use-auction';

export function AuctionRow({ l, now }: { l: AuctionListingView; now: number }) {
  const actions = useAuctionActions();
  const setDialog = useGame((s) => s.setDialog);
  const toast = useGame((s) => s.toast);
  const [amount, setAmount] = useState('');
  const can = actionsFor(l, now);
  const badge = mineBadge(l);
  const bid = () => {
    const n = amount === '' ? l.minBid : parseEddies(amount);
    if (n === null) return toast('warn', 'A bid is a whole number of eddies.');
    actions.bid.mutate({ listingId: l.id, amount: n }, { onSuccess: () => setAmount('') });
  };
  const buyout = () =>
    setDialog({
      kind: 'confirm',
      title: 'Buy out',
      message: `Buy ${l.name}${l.quantity > 1 ? ` ×${l.quantity}` : ''} for ${eddiesText(l.buyout ?? 0)}? It comes by mail.`,
      confirmLabel: 'Buy out',
      onConfirm: () => actions.buyout.mutate(l.id),
    });
  return (
    <li
      className={`ah-row${l.state !== 'live' ? ' is-over' : ''}`}
      data-testid="auction-row"
      data-listing={l.id}
      data-template={l.templateId}
      data-mine={l.mine ?? ''}
      style={{ '--rarity': rarityColor(l.rarity) } as CSSProperties}
    >
      <span className="ah-row__item">
        <ItemGlyph templateId={l.templateId} size="sm" />
        <span className="ah-row__name">
          {l.name}
          {l.quantity > 1 && <span className="ah-row__qty">×{l.quantity}</span>}
        </span>
        <span className="ah-row__meta">
          lv {l.level} · {l.seller}
        </span>
      </span>
      <span className={`ah-row__time${endingSoon(l.endsAt, now) ? ' is-soon' : ''}`}>
        {timeLeftText(l.endsAt, now)}
      </span>
      <span className="ah-row__price" data-testid="auction-price">
        {l.bid > 0 ? eddiesText(l.bid) : <span className="muted">{eddiesText(l.startBid)}</span>}
        <span className="ah-row__bids">
          {l.bids > 0 ? `${l.bids} bid${l.bids > 1 ? 's' : ''}` : 'no bids'}
        </span>
      </span>
      <span className="ah-row__buyout">{l.buyout !== null ? eddiesText(l.buyout) : '—'}</span>
      <span className="ah-row__act">
        {badge && (
          <span className={`ah-badge ah-badge--${badge}`} data-testid="auction-badge">
            {badge}
          </span>
        )}
        {can.bid && (
          <>
            <input
              className="input input--small ah-row__amount"
              inputMode="numeric"
              data-testid="auction-bid-input"
              aria-label={`Bid on ${l.name}`}
              placeholder={String(l.minBid)}
              value={amount}
              onChange={(e) => setAmount(e.target.value.replace(/[^0-9]/g, ''))}
              onKeyDown={(e) => e.key === 'Enter' && bid()}
            />
            <button
              type="button"
              className="btn btn--small"
              data-testid="auction-bid"
              disabled={actions.pending}
              onClick={bid}
            >
              Bid
            </button>
          </>
        )}
        {can.buyout && (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            data-testid="auction-buyout"
            disabled={actions.pending}
            onClick={buyout}
          >
            Buy out
          </button>
        )}
        {can.cancel && (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            data-testid="auction-cancel"
            disabled={actions.pending}
            onClick={() => actions.cancel.mutate(l.id)}
          >
            Cancel
          </button>
        )}
      </span>
    </li>
  );
}
