'use client';
/**
 * Placing an order for the chosen good: buy or sell, limit or market, the price (on
 * the 4-figure tick) and the units; the fee and what a buy order holds are shown
 * before you place it, with your stock (to sell) or the buy limit left (scarce goods).
 */
import { useState } from 'react';
import {
  MARKET_DURATIONS_H,
  MARKET_FEE_RATE,
  MARKET_TAX_RATE,
  isOnTick,
  roundToTick,
  type MarketBookView,
  type MarketDurationH,
  type MarketOrderType,
  type MarketSide,
} from '@necp/shared';
import { useGame } from '../hud/store-context';
import { eddiesText, parseEddies } from '../auction/auction-view';
import { parseUnits, placeCost } from './market-view';
import { useMarketActions } from './use-market';

const pct = (r: number) => `${Math.round(r * 1000) / 10} %`;

export function MarketForm({ book }: { book: MarketBookView }) {
  const actions = useMarketActions();
  const toast = useGame((s) => s.toast);
  const [side, setSide] = useState<MarketSide>('buy');
  const [type, setType] = useState<MarketOrderType>('limit');
  const [price, setPrice] = useState('');
  const [units, setUnits] = useState('');
  const [hours, setHours] = useState<MarketDurationH>(72);
  const p = parseEddies(price);
  const q = parseUnits(units);
  const cost = p !== null && q !== null ? placeCost(side, p, q) : null;
  const place = () => {
    if (p === null) return toast('warn', 'Give a price in whole eddies.');
    if (!isOnTick(p))
      return toast(
        'warn',
        `Prices have 4 significant figures: try ${roundToTick(p).toLocaleString('en-US')}.`,
      );
    if (q === null) return toast('warn', 'Give a number of units.');
    actions.place.mutate(
      { templateId: book.templateId, side, type, price: p, quantity: q, durationH: hours },
      { onSuccess: () => setUnits('') },
    );
  };
  return (
    <form
      className="mk-form"
      data-testid="market-form"
      onSubmit={(e) => {
        e.preventDefault();
        place();
      }}
    >
      <div className="mk-form__sides" role="radiogroup" aria-label="side">
        {(['buy', 'sell'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`mk-side mk-side--${s}${s === side ? ' is-on' : ''}`}
            data-testid={`market-side-${s}`}
            aria-pressed={s === side}
            onClick={() => setSide(s)}
          >
            {s === 'buy' ? 'Buy' : 'Sell'}
          </button>
        ))}
        {(['limit', 'market'] as const).map((t) => (
          <button
            key={t}
            type="button"
            className={`ah-chip${t === type ? ' is-on' : ''}`}
            data-testid={`market-type-${t}`}
            title={
              t === 'limit'
                ? 'Rests in the book until it fills'
                : 'Takes what the book has now, up to your price'
            }
            onClick={() => setType(t)}
          >
            {t}
          </button>
        ))}
      </div>
      <label>
        {type === 'market' ? (side === 'buy' ? 'Pay at most' : 'Take at least') : 'Price'} (each)
        <input
          className="input input--small"
          inputMode="numeric"
          data-testid="market-price"
          value={price}
          onChange={(e) => setPrice(e.target.value.replace(/[^0-9]/g, ''))}
        />
      </label>
      <label>
        Units
        <input
          className="input input--small"
          inputMode="numeric"
          data-testid="market-units"
          value={units}
          onChange={(e) => setUnits(e.target.value.replace(/[^0-9]/g, ''))}
        />
      </label>
      {type === 'limit' && (
        <fieldset className="ah-sell__hours">
          <legend>Rests for</legend>
          {MARKET_DURATIONS_H.map((h) => (
            <label key={h} className={`ah-chip${h === hours ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="mk-hours"
                checked={h === hours}
                onChange={() => setHours(h)}
              />
              {h / 24} d
            </label>
          ))}
        </fieldset>
      )}
      <p className="mk-form__cost" data-testid="market-cost">
        {cost ? (
          <>
            Fee <b>{eddiesText(cost.fee)}</b>
            {side === 'buy' && (
              <>
                {' '}
                · held <b>{eddiesText(cost.held)}</b>
              </>
            )}
          </>
        ) : (
          <span className="muted">
            Fee {pct(MARKET_FEE_RATE)}, kept · {pct(MARKET_TAX_RATE)} tax on sales
          </span>
        )}
      </p>
      <p className="muted mk-form__stock" data-testid="market-stock">
        {side === 'sell'
          ? `You have ${book.owned} to sell.`
          : book.buyLimit
            ? `Buy limit: ${book.buyLimit.left} of ${book.buyLimit.limit} left for 4 h.`
            : 'Bought goods go to your bag (or wait here if it is full).'}
      </p>
      <button
        type="submit"
        className={`btn mk-place mk-place--${side}`}
        data-testid="market-place"
        disabled={actions.pending}
      >
        {side === 'buy' ? 'Place buy order' : 'Place sell order'}
      </button>
    </form>
  );
}
