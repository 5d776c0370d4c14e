'use client';
/**
 * Keys while a conversation is on screen (the `dialogue` context of the key table,
 * input/key-bindings.ts): 1–9 pick the numbered choices (the ability keys must not
 * fire meanwhile); Esc is the layer rule's (input/layer-stack.ts). A capture listener
 * on window runs before the game's hotkeys (use-hotkeys.ts) and stops the keys it
 * takes; everything else passes through (movement, I, J …).
 *
 * A key pressed the moment the choices show must see them: the handler is the render's
 * own from its commit (useEffectEvent), and the listener is on before the window is
 * painted (a layout effect). A ref set in a passive effect ran a frame late under load,
 * and the "1" of vendor.spec picked from the render before — no choices, key swallowed.
 */
import { useContext, useEffectEvent, useLayoutEffect } from 'react';
import { GameStoreContext } from '../hud/store-context';
import { isFormControl } from '../input/focus';
import { keyHit } from '../input/key-bindings';

/** A choice key (Digit1–9 / Numpad1–9, the `choice` bindings) → 0–8; null for any other key. */
export function choiceIndex(code: string): number | null {
  const hit = keyHit('dialogue', code);
  return hit?.binding.action === 'choice' ? hit.index : null;
}

export function useDialogueKeys(onPick: (index: number) => void) {
  const store = useContext(GameStoreContext);
  const pick = useEffectEvent(onPick);
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store?.getState();
      // a modal (confirm / quantity) or the game menu owns the keyboard
      if (!s || s.dialog || s.menuOpen || s.kicked || s.fatal) return;
      if (isFormControl(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const i = choiceIndex(e.code);
      if (i === null) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (!e.repeat) pick(i);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [store]);
}
