'use client';
/**
 * "Now" for a panel's countdowns: the component re-renders every `ms` while `enabled`,
 * and each render reads the clock afresh (a value kept from the last tick would be up
 * to `ms` old: a 20 s check arriving between ticks would read 21 s).
 */
import { useEffect, useState } from 'react';
import { serverNow } from './server-clock';

function useTick(ms: number, enabled: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const t = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(t);
  }, [ms, enabled]);
}

/** The server's epoch ms, for times the server stamped (expiries, ends, deadlines, "ago"). */
export function useServerNow(ms = 1000, enabled = true): number {
  useTick(ms, enabled);
  return serverNow();
}

/**
 * Date.now(), for times this client stamped on its own clock: a push's arrival (party
 * vitals), or a "ms left" the sim sent, re-stamped locally on arrival (the queue, the
 * ready check, the queue penalty).
 */
export function useLocalNow(ms = 1000, enabled = true): number {
  useTick(ms, enabled);
  return Date.now();
}
