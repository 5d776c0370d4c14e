'use client';
/**
 * The XP bar along the bottom: level, XP into the level and to the next. Starts
 * from the character sheet; every progress:xp afterwards is newer and wins.
 */
import { levelProgress } from '@necp/shared';
import { useSheet } from '../items/use-inventory';
import { useGame } from '../hud/store-context';

export function XpBar() {
  const live = useGame((s) => s.xp);
  const sheet = useSheet().data;
  const p = live
    ? levelProgress(live.total)
    : sheet
      ? { level: sheet.level, intoLevel: sheet.xpIntoLevel, toNext: sheet.xpToNext }
      : null;
  if (!p) return null;
  const frac = p.toNext ? Math.min(1, p.intoLevel / p.toNext) : 1;
  return (
    <div
      className="xp"
      data-testid="hud-xp"
      data-level={p.level}
      data-value={p.intoLevel}
      data-max={p.toNext ?? ''}
      role="meter"
      aria-label="Experience"
      aria-valuemin={0}
      aria-valuemax={p.toNext ?? p.intoLevel}
      aria-valuenow={p.intoLevel}
    >
      <span className="xp__fill" style={{ width: `${frac * 100}%` }} />
      {Array.from({ length: 9 }, (_, i) => (
        <span key={i} className="xp__tick" style={{ left: `${(i + 1) * 10}%` }} />
      ))}
      <span className="xp__text">
        LV {p.level} ·{' '}
        {p.toNext === null
          ? 'MAX LEVEL'
          : `${p.intoLevel.toLocaleString('en-US')} / ${p.toNext.toLocaleString('en-US')} XP`}
      </span>
    </div>
  );
}
