'use client';
/**
 * Being hurt is impossible to miss, whatever window is open: every hit flashes
 * the screen edges red, low health pulses a red vignette with an alert. Both sit
 * above the windows and never take a click (the death screen stays on top).
 */
import { useEffect, useRef, useState } from 'react';
import { useGame } from '../hud/store-context';
import { damageTaken, isLowHealth, type Vitals } from './vitals';

export function VitalsAlert() {
  const self = useGame((s) => s.self);
  const dead = useGame((s) => s.selfDead);
  const [hits, setHits] = useState(0);
  const last = useRef<Vitals | null>(null);
  const health = self?.health ?? 0;
  const maxHealth = self?.maxHealth ?? 0;
  useEffect(() => {
    if (!maxHealth) return;
    const now = { health, maxHealth, dead };
    if (damageTaken(last.current, now) > 0) setHits((h) => h + 1);
    last.current = now;
  }, [health, maxHealth, dead]);
  const low = isLowHealth({ health, maxHealth, dead });
  const pct = maxHealth > 0 ? Math.round((health / maxHealth) * 100) : 0;
  return (
    <>
      {/* keyed by the hit count: each hit restarts the flash */}
      <div
        key={hits}
        className={`hurt-flash${hits > 0 ? ' is-hit' : ''}`}
        data-testid="hurt-flash"
        data-hits={hits}
        aria-hidden="true"
      />
      {low && (
        <>
          <div className="lowhp-vignette" data-testid="low-health-vignette" aria-hidden="true" />
          <p className="lowhp-alert" role="alert" data-testid="low-health-alert">
            Low health · {pct}%
          </p>
        </>
      )}
    </>
  );
}
