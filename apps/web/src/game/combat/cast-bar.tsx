'use client';
/** The own cast bar above the ability bar: fills while casting, Esc/moving cancels. */
import { useContext, useRef } from 'react';
import { abilityName } from './content';
import { castProgress } from './self-combat-clock';
import type { GameStore } from '../store/game-store';
import { GameStoreContext } from '../hud/store-context';
import { useAnimationFrame } from './use-frame';

export function CastBar() {
  const store = useContext(GameStoreContext) as GameStore;
  const root = useRef<HTMLDivElement>(null);
  const fill = useRef<HTMLSpanElement>(null);
  const label = useRef<HTMLSpanElement>(null);
  const time = useRef<HTMLSpanElement>(null);
  const shown = useRef('');
  useAnimationFrame((now) => {
    const c = castProgress(store.getState().selfCombat, now);
    const node = root.current;
    if (!node) return;
    const active = !!c && c.leftMs > 0;
    node.hidden = !active;
    node.dataset.ability = c?.ability ?? '';
    if (!c || !active) return;
    fill.current?.style.setProperty('width', `${Math.max(0, Math.min(1, c.done)) * 100}%`);
    if (shown.current !== c.ability && label.current) {
      shown.current = c.ability;
      label.current.textContent = abilityName(c.ability);
    }
    if (time.current) time.current.textContent = `${(c.leftMs / 1000).toFixed(1)}s`;
  });
  return (
    <div ref={root} className="castbar" data-testid="cast-bar" hidden>
      <span ref={fill} className="castbar__fill" />
      <span ref={label} className="castbar__name" />
      <span ref={time} className="castbar__time" />
    </div>
  );
}
