'use client';
/**
 * The commodity market tab of the Reef Exchange: the goods (best bid, best ask, last,
 * the day's volume) and the chosen good's book — depth by price, the last trades, the
 * price chart — with the order form. Orders are matched by the server at once.
 */
import { useState, type CSSProperties } from 'react';
import type { MarketGoodView, Rarity } from '@necp/shared';
import { ItemGlyph } from '../items/item-glyph';
import { rarityColor } from '../items/rarity';
import { eddiesText } from '../auction/auction-view';
import { MarketChart } from './market-chart';
import { MarketForm } from './market-form';
import { depthRows, spread } from './market-view';
import { useMarketBook, useMarketGoods } from './use-market';

const price = (n: number | null) => (n === null ? '—' : eddiesText(n));
/** "14:05": the trades shown are the last few, today's */
const clock = (at: number) =>
  new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const tint = (r: Rarity) => ({ '--rarity': rarityColor(r) }) as CSSProperties;

function GoodRow(p: { good: MarketGoodView; on: boolean; pick: () => void }) {
  const g = p.good;
  return (
    <button
      type="button"
      className={`mk-good${p.on ? ' is-on' : ''}`}
      data-testid="market-good"
      data-template={g.templateId}
      onClick={p.pick}
    >
      <ItemGlyph templateId={g.templateId} size="sm" />
      <span className="mk-good__name mk-rarity" style={tint(g.rarity)} title={g.name}>
        {g.name}
      </span>
      <span className="mk-good__px mk-ask" title={`best bid ${price(g.bestBid)}`}>
        {price(g.bestAsk)}
      </span>
    </button>
  );
}

function Book({ templateId }: { templateId: string }) {
  const book = useMarketBook(templateId);
  if (!book.data) return <p className="ah-empty">Reading the book…</p>;
  const b = book.data;
  const rows = depthRows(b);
  const gap = spread(b);
  return (
    <div className="mk-book">
      <header className="mk-book__head">
        <ItemGlyph templateId={b.templateId} size="sm" />
        <b className="mk-rarity" style={tint(b.rarity)}>
          {b.name}
        </b>
        <span className="muted">
          last {price(b.last)}
          {gap !== null && ` · spread ${eddiesText(gap)}`}
        </span>
      </header>
      <div className="mk-book__grid">
        <div className="mk-depth" data-testid="market-depth">
          <div className="mk-depth__head">
            <span>Price</span>
            <span>Units</span>
          </div>
          {rows.length === 0 && <p className="ah-empty">Nobody buys or sells it yet.</p>}
          {rows.map((r) => (
            <div
              key={`${r.side}${r.price}`}
              className={`mk-depth__row mk-depth__row--${r.side}`}
              data-testid={`market-level-${r.side}`}
              title={`${r.orders} order${r.orders === 1 ? '' : 's'}`}
            >
              <span className="mk-depth__bar" style={{ width: `${r.bar}%` }} />
              <span>{eddiesText(r.price)}</span>
              <span>{r.quantity}</span>
            </div>
          ))}
          {b.fills.length > 0 && (
            <div className="mk-fills" data-testid="market-fills">
              <span className="mk-label">Last trades</span>
              {b.fills.slice(0, 6).map((f, i) => (
                <div key={i} className={`mk-fills__row mk-fills__row--${f.taker}`}>
                  <span>{eddiesText(f.price)}</span>
                  <span>×{f.quantity}</span>
                  <span className="muted">{clock(f.at)}</span>
                </div>
              ))}
            </div>
          )}
        </div>
        <div className="mk-book__side">
          <MarketForm book={b} />
          <MarketChart templateId={b.templateId} />
        </div>
      </div>
    </div>
  );
}

export function MarketTab() {
  const goods = useMarketGoods(true);
  const [picked, setPicked] = useState<string | null>(null);
  const list = goods.data ?? [];
  // the busiest good first, the rest by name
  const sorted = [...list].sort(
    (a, b) =>
      Number(b.bestBid !== null || b.bestAsk !== null) -
        Number(a.bestBid !== null || a.bestAsk !== null) ||
      b.volume24h - a.volume24h ||
      a.name.localeCompare(b.name),
  );
  const chosen = picked ?? sorted[0]?.templateId ?? null;
  return (
    <div className="mk">
      <div className="mk-goods" data-testid="market-goods">
        <div className="mk-goods__head">
          <span>Good</span>
          <span className="mk-ask">Ask</span>
        </div>
        {sorted.map((g) => (
          <GoodRow
            key={g.templateId}
            good={g}
            on={g.templateId === chosen}
            pick={() => setPicked(g.templateId)}
          />
        ))}
      </div>
      {chosen ? <Book templateId={chosen} /> : <p className="ah-empty">Reading the market…</p>}
    </div>
  );
}
