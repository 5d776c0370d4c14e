'use client';
/**
 * Sell on the Reef Exchange: pick a stack from your bag, a starting bid, an optional
 * buyout and a duration; the deposit is shown before you list (kept if it does not
 * sell, returned with the payment if it does), and the house's cut.
 */
import { useState } from 'react';
import {
  AUCTION_CATEGORIES,
  AUCTION_CUT_RATE,
  AUCTION_DURATIONS_H,
  type AuctionDurationH,
} from '@necp/shared';
import { useGame } from '../hud/store-context';
import { ItemGlyph } from '../items/item-glyph';
import { itemName, templateOf } from '../items/templates';
import { useInventory } from '../items/use-inventory';
import { eddiesText, parseEddies } from './auction-view';
import { useAuctionActions, useAuctionQuote } from './use-auction';

const sellable = (templateId: string) =>
  (AUCTION_CATEGORIES as readonly string[]).includes(templateOf(templateId)?.kind ?? 'quest');

export function AuctionSell() {
  const { model } = useInventory();
  const actions = useAuctionActions();
  const toast = useGame((s) => s.toast);
  const [itemId, setItemId] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [buyout, setBuyout] = useState('');
  const [hours, setHours] = useState<AuctionDurationH>(24);
  const quote = useAuctionQuote(itemId, hours);
  const bag = model ? [...model.bag.values()].sort((a, b) => a.slot - b.slot) : [];
  const picked = bag.find((i) => i.id === itemId) ?? null;
  const list = () => {
    if (!picked) return toast('warn', 'Pick an item from your bag first.');
    const startBid = parseEddies(start);
    if (startBid === null) return toast('warn', 'Give a starting bid in whole eddies.');
    const out = buyout === '' ? null : parseEddies(buyout);
    if (buyout !== '' && out === null)
      return toast('warn', 'The buyout is a whole number of eddies.');
    actions.list.mutate(
      { itemId: picked.id, startBid, buyout: out, durationH: hours },
      {
        onSuccess: () => {
          setItemId(null);
          setStart('');
          setBuyout('');
        },
      },
    );
  };
  return (
    <div className="ah-sell">
      <div className="ah-sell__bag" data-testid="auction-sell-bag">
        {bag
          .filter((i) => !i.bound && sellable(i.templateId))
          .map((i) => (
            <button
              key={i.id}
              type="button"
              className={`trade__bagitem${i.id === itemId ? ' is-on' : ''}`}
              data-testid="auction-sell-item"
              data-template={i.templateId}
              title={`Sell ${itemName(i.templateId)}`}
              onClick={() => setItemId(i.id)}
            >
              <ItemGlyph templateId={i.templateId} size="sm" />
              {i.quantity > 1 && <span className="trade__qty">×{i.quantity}</span>}
            </button>
          ))}
        {bag.length === 0 && <p className="ah-empty">Your bag is empty.</p>}
      </div>
      <form
        className="ah-sell__form"
        onSubmit={(e) => {
          e.preventDefault();
          list();
        }}
      >
        <p className="ah-sell__what" data-testid="auction-sell-picked">
          {picked ? (
            <>
              <ItemGlyph templateId={picked.templateId} size="sm" /> {itemName(picked.templateId)}
              {picked.quantity > 1 && ` ×${picked.quantity}`}
            </>
          ) : (
            <span className="muted">Click an item in your bag to sell it.</span>
          )}
        </p>
        <label>
          Starting bid
          <input
            className="input input--small"
            inputMode="numeric"
            data-testid="auction-start"
            value={start}
            onChange={(e) => setStart(e.target.value.replace(/[^0-9]/g, ''))}
          />
        </label>
        <label>
          Buyout <span className="muted">(optional)</span>
          <input
            className="input input--small"
            inputMode="numeric"
            data-testid="auction-buyout-price"
            value={buyout}
            onChange={(e) => setBuyout(e.target.value.replace(/[^0-9]/g, ''))}
          />
        </label>
        <fieldset className="ah-sell__hours">
          <legend>Runs for</legend>
          {AUCTION_DURATIONS_H.map((h) => (
            <label key={h} className={`ah-chip${h === hours ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="ah-hours"
                checked={h === hours}
                onChange={() => setHours(h)}
              />
              {h} h
            </label>
          ))}
        </fieldset>
        <p className="ah-sell__fee" data-testid="auction-deposit">
          Deposit <b>{picked ? (quote.data ? eddiesText(quote.data.deposit) : '…') : '—'}</b>
          <span className="muted">
            {' '}
            kept if it does not sell; the house takes {Math.round(AUCTION_CUT_RATE * 100)} % of a
            sale
          </span>
        </p>
        <button
          type="submit"
          className="btn"
          data-testid="auction-list"
          disabled={!picked || actions.pending}
        >
          List on the Exchange
        </button>
      </form>
    </div>
  );
}
