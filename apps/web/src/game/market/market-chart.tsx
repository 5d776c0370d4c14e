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
  // the axis ends at the newest answer's time: a re-render alone does not slide it
  const g = chartGeometry(history.data ?? [], W, H, { now: history.dataUpdatedAt, range });
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
          <circle cx={g.last.x} cy={g.last.y} r={2.5} className="mk-chart__last">
            <title>{`last ${eddiesText(g.last.price)}`}</title>
          </circle>
        </svg>
      ) : (
        <p className="ah-empty">No trades in this window yet.</p>
      )}
      {g && (
        <footer className="mk-chart__axis muted">
          <span>{range === '24h' ? '24 h ago' : '30 days ago'}</span>
          <span>now</span>
        </footer>
      )}
    </section>
  );
}
