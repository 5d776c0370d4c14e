'use client';
/**
 * Character window (C): level and XP, attributes with + while points are unspent,
 * the derived combat numbers, skills with their perks, and respec.
 */
import { useState } from 'react';
import { CLASSES, ORIGINS, type CharacterSheet as Sheet } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useSheet } from '../items/use-inventory';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { AttributesSection } from './attributes-section';
import { SkillsSection } from './skills-section';
import { TradeHistory } from '../trade/trade-history';
import { StatsSection } from './stats-section';

export function CharacterSheet() {
  const open = useGame((s) => s.panels.character);
  const setPanel = useGame((s) => s.setPanel);
  if (!open) return null;
  return (
    <GameWindow
      title="character"
      hotkey={windowFace('character')}
      testId="character-sheet"
      className="gwin--character"
      onClose={() => setPanel('character', false)}
    >
      <SheetBody />
    </GameWindow>
  );
}

function SheetBody() {
  const sheet = useSheet();
  const [tab, setTab] = useState<'stats' | 'skills' | 'trades'>('stats');
  if (!sheet.data) {
    return sheet.isError ? (
      <p className="gwin__msg form-error">{refusal(sheet.error)}</p>
    ) : (
      <p className="gwin__msg muted">Reading your biomonitor…</p>
    );
  }
  const s = sheet.data;
  return (
    <>
      <SheetHeader s={s} />
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'stats'}
          className={`tabs__tab${tab === 'stats' ? ' is-on' : ''}`}
          data-testid="sheet-tab-stats"
          onClick={() => setTab('stats')}
        >
          Attributes &amp; stats
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'skills'}
          className={`tabs__tab${tab === 'skills' ? ' is-on' : ''}`}
          data-testid="sheet-tab-skills"
          onClick={() => setTab('skills')}
        >
          Skills
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'trades'}
          className={`tabs__tab${tab === 'trades' ? ' is-on' : ''}`}
          data-testid="sheet-tab-trades"
          onClick={() => setTab('trades')}
        >
          Trades
        </button>
      </div>
      {tab === 'stats' ? (
        <div className="sheet__cols">
          <AttributesSection s={s} />
          <StatsSection s={s} />
        </div>
      ) : tab === 'skills' ? (
        <SkillsSection skills={s.skills} />
      ) : (
        <TradeHistory />
      )}
    </>
  );
}

function SheetHeader({ s }: { s: Sheet }) {
  const cls = CLASSES.find((c) => c.id === s.class)?.name ?? s.class;
  const origin = ORIGINS.find((o) => o.id === s.origin)?.name ?? s.origin;
  const frac = s.xpToNext ? Math.min(1, s.xpIntoLevel / s.xpToNext) : 1;
  return (
    <header className="sheet__head">
      <span className="sheet__level" data-testid="sheet-level" data-value={s.level}>
        {s.level}
      </span>
      <div className="sheet__who">
        <p className="sheet__name">{s.name}</p>
        <p className="muted sheet__tags">
          {origin} · {cls}
        </p>
        <div
          className="xpbar"
          data-testid="sheet-xp"
          data-value={s.xpIntoLevel}
          data-max={s.xpToNext ?? ''}
          role="meter"
          aria-label="Experience to next level"
          aria-valuemin={0}
          aria-valuemax={s.xpToNext ?? s.xpIntoLevel}
          aria-valuenow={s.xpIntoLevel}
        >
          <span className="xpbar__fill" style={{ width: `${frac * 100}%` }} />
          <span className="xpbar__text">
            {s.xpToNext === null
              ? 'MAX LEVEL'
              : `${s.xpIntoLevel.toLocaleString('en-US')} / ${s.xpToNext.toLocaleString('en-US')} XP → Lv ${s.level + 1}`}
          </span>
        </div>
      </div>
    </header>
  );
}
