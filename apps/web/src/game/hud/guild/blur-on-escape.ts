import type { KeyboardEvent } from 'react';

/** Esc in an input leaves the input only: the next Esc closes the window. */
export function blurOnEscape(e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  e.stopPropagation();
  e.currentTarget.blur();
}
