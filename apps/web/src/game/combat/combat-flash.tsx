'use client';
/**
 * Short-lived combat messages: the red line after a refused ability ("Out of
 * range") and the big LEVEL UP banner.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useGame } from '../hud/store-context';

const ERROR_MS = 1600;
const LEVEL_UP_MS = 3500;

/** Shows the latest value of `item` for `ms`, restarting on each new id. */
function useFleeting<T extends { id: number }>(item: T | null, ms: number): T | null {
  const [shown, setShown] = useState<T | null>(null);
  useEffect(() => {
    if (!item) return;
    setShown(item);
    const t = setTimeout(() => setShown((s) => (s?.id === item.id ? null : s)), ms);
    return () => clearTimeout(t);
  }, [item, ms]);
  return shown;
}

/** What the red line must never be printed over: the target's name and the boss's. */
const ABOVE = '[data-testid=target-frame], [data-testid=boss-bar]';

/**
 * The refusal line, at its CSS place (a quarter down) unless the target frame or the
 * boss bar reaches lower there (a phone stacks them further down): then just below them.
 */
function ErrorLine({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const game = el?.closest('.game');
    if (!el || !game) return;
    let below = 0;
    for (const f of game.querySelectorAll(ABOVE)) {
      const r = f.getBoundingClientRect();
      if (r.height > 0) below = Math.max(below, r.bottom + 8);
    }
    const origin = game.getBoundingClientRect().top;
    if (below > el.getBoundingClientRect().top) el.style.top = `${below - origin}px`;
  }, []);
  return (
    <p ref={ref} className="combat-error" data-testid="combat-error" role="status">
      {text}
    </p>
  );
}

export function CombatFlash() {
  const error = useFleeting(
    useGame((s) => s.combatError),
    ERROR_MS,
  );
  const levelUp = useFleeting(
    useGame((s) => s.levelUp),
    LEVEL_UP_MS,
  );
  return (
    <>
      {error && <ErrorLine key={error.id} text={error.text} />}
      {levelUp && (
        <div key={levelUp.id} className="levelup" data-testid="level-up" role="status">
          <span className="levelup__kicker">LEVEL UP</span>
          <span className="levelup__level">{levelUp.level}</span>
        </div>
      )}
    </>
  );
}
