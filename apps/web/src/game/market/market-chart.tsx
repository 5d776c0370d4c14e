'use client';
/** A good's price history: candles and the closing line, the last 24 h or 30 days. */
import { useState } from 'react';
import { MARKET_HISTORY_RANGES, type MarketHistoryRange } from '@necp/shared';
import { eddiesText } from '../auction/auction-view';
import { chartGeometry } from './market-view';
import { useMarketHistory } from './use-market';

const W = 300;
const H = 70;

export function MarketChart({ templateId }: { templateId: string }) {
  const [range, setRange] = useState<MarketHistoryRange>('24h');
  const history = useMarketHistory(templateId, range);
  const g = chartGeometry(history.data ?? [], W, H);
  return (
    <section className="mk-chart" data-testid="market-chart">
      <header className="mk-chart__head">
        <span className="mk-label">Price</span>
        {MARKET_HISTORY_RANGES.map((r) => (
          <button
            key={r}
            type="button"
            className={`ah-chip${r === range ? ' is-on' : ''}`}
            onClick={() => setRange(r)}
          >
            {r}
          </button>
        ))}
        {g && (
          <span className="muted mk-chart__span">
            {eddiesText(Math.round(g.min))} – {eddiesText(Math.round(g.max))}
          </span>
        )}
      </header>
      {g ? (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="mk-chart__svg"
          role="img"
          aria-label="price history"
        >
          {g.bars.map((b, i) => (
            <g key={i} className={b.up ? 'mk-up' : 'mk-down'}>
              <line x1={b.x} x2={b.x} y1={b.high} y2={b.low} />
              <rect
                x={b.x - b.w / 2}
                width={b.w}
                y={Math.min(b.open, b.close)}
                height={Math.max(1, Math.abs(b.close - b.open))}
              />
            </g>
          ))}
          <path d={g.line} className="mk-chart__line" />
        </svg>
      ) : (
        <p className="ah-empty">No trades in this window yet.</p>
      )}
    </section>
  );
}
