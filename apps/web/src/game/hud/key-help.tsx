'use client';
/**
 * The keyboard cheat sheet, bottom right (desktop only: mobile.css hides it on touch).
 * It can be hidden — H, ?, or its × — and the choice is remembered per browser
 * (key-help-pref.ts); hidden, a small "?" chip brings it back. The windows' keys come
 * from the window table, in its order.
 */
import { Fragment, useEffect } from 'react';
import { loadKeyHelp } from './key-help-pref';
import { useGame } from './store-context';
import { WINDOWS } from './window-table';

/** The windows' keys the card names (window-table.tsx, `help`). */
const HELP_ROWS = WINDOWS.filter((w) => w.key && w.help);

export function KeyHelp() {
  const shown = useGame((s) => s.keyHelp);
  const toggle = useGame((s) => s.toggleKeyHelp);
  const patch = useGame((s) => s.patch);
  useEffect(() => patch({ keyHelp: loadKeyHelp() }), [patch]);
  if (!shown)
    return (
      <button
        type="button"
        className="hud-card hud__help-chip"
        data-testid="hud-help-show"
        title="Show the keys (H)"
        aria-label="Show the keys (H)"
        onClick={toggle}
      >
        ?
      </button>
    );
  return (
    <p className="hud-card hud__help" data-testid="hud-help">
      <button
        type="button"
        className="hud__help-close"
        data-testid="hud-help-hide"
        title="Hide the keys (H)"
        aria-label="Hide the keys (H)"
        onClick={toggle}
      >
        ×
      </button>
      <kbd>W</kbd>
      <kbd>A</kbd>
      <kbd>S</kbd>
      <kbd>D</kbd> move · <kbd>Tab</kbd> target · <kbd>1</kbd>–<kbd>6</kbd> abilities · <kbd>E</kbd>{' '}
      talk / use · <kbd>F</kbd> loot ·{' '}
      {HELP_ROWS.map((w) => (
        <Fragment key={w.id}>
          {/* a key stays on one line with its word */}
          <span className="hud__help-key">
            <kbd>{w.key!.face}</kbd> {w.help}
          </span>
          {/* the dot stays with the word before it: a line never starts with one */}
          {'\u00a0· '}
        </Fragment>
      ))}
      <kbd>N</kbd> alerts · <kbd>Enter</kbd> chat · <kbd>Esc</kbd> menu · <kbd>H</kbd> hide keys
    </p>
  );
}
