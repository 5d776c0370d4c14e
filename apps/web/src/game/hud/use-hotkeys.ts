'use client';
/**
 * The dispatcher of the game's pressed keys: it finds the key's binding in the key table
 * (input/key-bindings.ts — which key does what, and the key card's lines) and runs its
 * action's handler below. `window` keys (Esc) work over everything: the one layer rule
 * (input/layer-stack.ts) — a text field is left first, then the top-most open thing
 * closes, one per press; with nothing open it clears the target, then opens the game
 * menu. `world` keys are ignored while typing in a form control, with Ctrl/Alt/Meta, on
 * auto-repeat and under the game menu or a modal dialog. Nothing runs during a metro ride
 * or a transfer, or once kicked. Movement is held, not pressed (input/keyboard.ts), and a
 * conversation takes its own keys first (dialogue/use-dialogue-keys.ts).
 */
import { useEffect } from 'react';
import { isFormControl, isTextEntry } from '../input/focus';
import { keyHit, type KeyAction, type KeyHit } from '../input/key-bindings';
import { closeLayer, escapeStep } from '../input/layer-stack';
import type { GameActions, GameState, GameStore } from '../store/game-store';
import type { GameCommands } from './game-session';
import { runContextAction } from './touch/context-action';
import { WINDOW_BY_ID } from './window-table';

interface Press {
  e: KeyboardEvent;
  s: GameState & GameActions;
  store: GameStore;
  commands: GameCommands;
  hit: KeyHit;
}

/** What each action does when its key is pressed; null: not a pressed key here. */
const HANDLERS: Record<KeyAction, ((p: Press) => void) | null> = {
  // held, sampled each frame (input/keyboard.ts)
  move: null,
  // a conversation's own (dialogue/use-dialogue-keys.ts)
  choice: null,
  escape({ e, s, commands }) {
    const step = escapeStep(s.layers, { typing: isTextEntry(e.target), selfDead: s.selfDead });
    if (step.kind === 'blur' && e.target instanceof HTMLElement) return e.target.blur();
    if (step.kind === 'close') return closeLayer(s, step.layer);
    if (step.kind === 'target-or-menu' && !commands.clearTarget()) s.setMenuOpen(true);
  },
  target({ e, commands }) {
    e.preventDefault(); // keep the focus where it is
    commands.tabTarget();
  },
  ability: ({ commands, hit }) => commands.activateSlot(hit.index),
  // the same rule as the touch "use" button
  use: ({ store, commands }) => runContextAction(store, commands),
  pickup: ({ commands }) => commands.interact(),
  window({ s, commands, hit }) {
    if (hit.binding.action === 'window') WINDOW_BY_ID.get(hit.binding.window)?.toggle(s, commands);
  },
  notifications: ({ s }) => s.setNotificationsOpen(!s.notificationsOpen),
  chat({ e, s }) {
    // a focused button or link takes Enter as its click
    if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement) return;
    e.preventDefault();
    s.focusChat();
  },
  keyHelp: ({ s }) => s.toggleKeyHelp(),
};

/**
 * The key as the table names it: Esc by its meaning (a key the system maps to Esc is Esc,
 * and the key in Esc's place mapped to something else is not), every other key by its
 * place (KeyboardEvent.code).
 */
function tableCode(e: KeyboardEvent): string | null {
  if (e.key === 'Escape') return 'Escape';
  return e.code === 'Escape' ? null : e.code;
}

/** Runs the binding of one keydown, if any (the hook's listener; tests call it directly). */
export function runHotkey(e: KeyboardEvent, store: GameStore, commands: GameCommands): void {
  const s = store.getState();
  if (s.kicked || s.fatal || s.ride || s.transfer) return;
  const code = tableCode(e);
  if (code === null) return;
  const over = keyHit('window', code);
  if (over) return HANDLERS[over.binding.action]?.({ e, s, store, commands, hit: over });
  if (isFormControl(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
  if (s.menuOpen || s.dialog) return;
  const hit = keyHit('world', code);
  if (hit) HANDLERS[hit.binding.action]?.({ e, s, store, commands, hit });
}

export function useHotkeys(store: GameStore, commands: GameCommands) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => runHotkey(e, store, commands);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, commands]);
}
