'use client';
/**
 * Publishes an element's height on the game root as a CSS variable, so what is
 * docked next to it moves with it: the zone card grows in an arena or dungeon (the
 * "Leave" button), and the chat window above it (chat.css) stays clear of it.
 */
import { useLayoutEffect, type RefObject } from 'react';

export function useDockHeight(ref: RefObject<HTMLElement | null>, variable: `--${string}`) {
  useLayoutEffect(() => {
    const el = ref.current;
    const root = el?.closest<HTMLElement>('.game');
    if (!el || !root) return;
    const publish = () => root.style.setProperty(variable, `${Math.ceil(el.offsetHeight)}px`);
    publish();
    const ro = new ResizeObserver(publish);
    ro.observe(el);
    return () => {
      ro.disconnect();
      root.style.removeProperty(variable);
    };
  }, [ref, variable]);
}
