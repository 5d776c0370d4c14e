'use client';
/**
 * Animation helpers for HUD pieces that change every frame (cooldown sweeps, cast
 * bars, countdowns). They write to the DOM through refs or tick a coarse clock
 * instead of pushing 60 store updates a second through React.
 */
import { useEffect, useEffectEvent, useState } from 'react';

/** Calls `frame(now)` on every animation frame while mounted. */
export function useAnimationFrame(frame: (now: number) => void) {
  const onFrame = useEffectEvent(frame);
  useEffect(() => {
    let id = requestAnimationFrame(function loop(now) {
      onFrame(now);
      id = requestAnimationFrame(loop);
    });
    return () => cancelAnimationFrame(id);
  }, []);
}

/** performance.now(), re-rendering every `ms` (countdowns shown in whole seconds). */
export function useNow(ms: number, enabled = true): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!enabled) return;
    const t = setInterval(() => setNow(performance.now()), ms);
    return () => clearInterval(t);
  }, [ms, enabled]);
  return now;
}

/** "12s", "1m 05s", "0.8s" for short ones. */
export function formatLeft(ms: number): string {
  if (ms < 1000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}
