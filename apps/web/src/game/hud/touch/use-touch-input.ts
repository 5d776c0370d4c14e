'use client';
/**
 * Whether the player plays by touch: true where mobile.css shows the touch controls
 * (the same media query), so a hint names the control that is on screen — the use
 * button, not a key the phone does not have.
 */
import { useSyncExternalStore } from 'react';

/** mobile.css: `@media (pointer: coarse), (max-width: 720px)` shows `.touch` */
export const TOUCH_QUERY = '(pointer: coarse), (max-width: 720px)';

const subscribe = (onChange: () => void) => {
  const mq = window.matchMedia(TOUCH_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
};

export const useTouchInput = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(TOUCH_QUERY).matches,
    () => false,
  );
