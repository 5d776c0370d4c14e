'use client';
/**
 * The keyboard cheat sheet, bottom right (desktop only: mobile.css hides it on touch).
 * It can be hidden — H, ?, or its × — and the choice is remembered per browser
 * (key-help-pref.ts); hidden, a small "?" chip brings it back. Its lines are the key
 * table's bindings marked for the card (input/key-bindings.ts), in the table's order:
 * a new binding shows here by its line there.
 */
import { Fragment, useEffect } from 'react';
import { bindingOf, CARD_BINDINGS, type KeyBinding } from '../input/key-bindings';
import { loadKeyHelp } from './key-help-pref';
import { useGame } from './store-context';

/** A binding's keys: each face a key, or the first and last as a range (1–6). */
function Faces({ b }: { b: KeyBinding }) {
  if (b.range)
    return (
      <>
        <kbd>{b.faces[0]}</kbd>–<kbd>{b.faces.at(-1)}</kbd>
      </>
    );
  return b.faces.map((f) => <kbd key={f}>{f}</kbd>);
}

/**
 * The card's lines. A window's key stays on one line with its word, and its dot with it;
 * the others wrap freely (the layout the toasts are placed clear of, 69e3fd2).
 */
export function KeyCardLines({ bindings }: { bindings: readonly KeyBinding[] }) {
  return bindings.map((b, i) => {
    const last = i === bindings.length - 1;
    if (b.action === 'window')
      return (
        <Fragment key={i}>
          <span className="hud__help-key">
            <Faces b={b} /> {b.label}
          </span>
          {/* the dot stays with the word before it: a line never starts with one */}
          {last ? '' : '\u00a0· '}
        </Fragment>
      );
    return (
      <Fragment key={i}>
        <Faces b={b} /> {b.label}
        {last ? '' : ' · '}
      </Fragment>
    );
  });
}

export function KeyHelp() {
  const shown = useGame((s) => s.keyHelp);
  const toggle = useGame((s) => s.toggleKeyHelp);
  const loaded = useGame((s) => s.keyHelpLoaded);
  useEffect(() => loaded(loadKeyHelp()), [loaded]);
  const h = bindingOf('keyHelp').faces[0];
  if (!shown)
    return (
      <button
        type="button"
        className="hud-card hud__help-chip"
        data-testid="hud-help-show"
        title={`Show the keys (${h})`}
        aria-label={`Show the keys (${h})`}
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
        title={`Hide the keys (${h})`}
        aria-label={`Hide the keys (${h})`}
        onClick={toggle}
      >
        ×
      </button>
      <KeyCardLines bindings={CARD_BINDINGS} />
    </p>
  );
}
