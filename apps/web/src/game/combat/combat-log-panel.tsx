'use client';
/** The combat log (L): your fights and your target's, newest at the bottom. */
import { useEffect, useRef } from 'react';
import { useGame } from '../hud/store-context';

const time = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

export function CombatLogPanel() {
  const open = useGame((s) => s.combatLogOpen);
  const lines = useGame((s) => s.combatLog);
  const toggle = useGame((s) => s.toggleCombatLog);
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines, open]);
  if (!open) return null;
  return (
    <section className="hud-card combatlog" data-testid="combat-log" aria-label="Combat log">
      <header className="combatlog__head">
        <span>COMBAT LOG</span>
        <button type="button" className="combatlog__close" aria-label="Close" onClick={toggle}>
          ×
        </button>
      </header>
      <ol
        ref={list}
        className="combatlog__lines"
        onScroll={(e) => {
          const el = e.currentTarget;
          // reading older lines: do not yank the view down on every new one
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {lines.length === 0 && <li className="muted">Nothing yet. Go pick a fight.</li>}
        {lines.map((l) => (
          <li
            key={l.id}
            className={`combatlog__line tone--${l.tone}`}
            data-testid="combat-log-line"
          >
            <time>{time(l.at)}</time> {l.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
