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

/** The separator: the dot stays with the word before it, so no line starts with one. */
const DOT = '\u00a0· ';

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
      <kbd>D</kbd> move{DOT}
      <kbd>Tab</kbd> target{DOT}
      <kbd>1</kbd>–<kbd>6</kbd> abilities{DOT}
      <kbd>E</kbd> talk / use{DOT}
      <kbd>F</kbd> loot{DOT}
      {HELP_ROWS.map((w) => (
        <Fragment key={w.id}>
          {/* a key stays on one line with its word */}
          <span className="hud__help-key">
            <kbd>{w.key!.face}</kbd> {w.help}
          </span>
          {DOT}
        </Fragment>
      ))}
      <kbd>N</kbd> alerts{DOT}
      <kbd>Enter</kbd> chat{DOT}
      <kbd>Esc</kbd> menu{DOT}
      <kbd>H</kbd> hide keys
    </p>
  );
}
