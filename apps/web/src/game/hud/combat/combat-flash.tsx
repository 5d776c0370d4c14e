'use client';
/**
 * Short-lived combat messages: the red line after a refused ability ("Out of
 * range") and the big LEVEL UP banner.
 */
import { useEffect, useState } from 'react';
import { useGame } from '../store-context';

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
      {error && (
        <p key={error.id} className="combat-error" data-testid="combat-error" role="status">
          {error.text}
        </p>
      )}
      {levelUp && (
        <div key={levelUp.id} className="levelup" data-testid="level-up" role="status">
          <span className="levelup__kicker">LEVEL UP</span>
          <span className="levelup__level">{levelUp.level}</span>
        </div>
      )}
    </>
  );
}
