'use client';
/**
 * Game hotkeys by physical key: each window's own key (window-table.tsx: I inventory,
 * C character, B bank, J quest log, R reputation, O friends, G guild, Y achievements,
 * U rankings, K group finder, P contract board, T metro at a station, M mailbox at a
 * mail terminal, L combat log), F pick up / open, E use what is in front of you (talk
 * to a contact, ride the metro, the bank or mail terminal, else pick up),
 * Tab next target, 1–6 abilities, H or ? the key list, Enter the chat input (the chat
 * window itself sends with Enter). Esc follows the one layer rule
 * (input/layer-stack.ts): a text field is left first, then the top-most open thing
 * closes, one per press; with nothing open it clears the target, then opens the
 * game menu. Ignored while typing and during a metro ride.
 */
import { useEffect } from 'react';
import { closeLayer, escapeStep } from '../input/layer-stack';
import { isFormControl, isTextEntry } from '../input/focus';
import type { GameStore } from '../store/game-store';
import type { GameCommands } from './game-session';
import { runContextAction } from './touch/context-action';
import { WINDOW_BY_CODE } from './window-table';

const SLOT_CODES = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6'];

export function useHotkeys(store: GameStore, commands: GameCommands) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (s.kicked || s.fatal || s.ride || s.transfer) return;
      if (e.key === 'Escape') {
        // the one Esc rule (input/layer-stack.ts): the top-most layer first
        const step = escapeStep(s.layers, { typing: isTextEntry(e.target), selfDead: s.selfDead });
        if (step.kind === 'blur' && e.target instanceof HTMLElement) return e.target.blur();
        if (step.kind === 'close') return closeLayer(s, step.layer);
        if (step.kind === 'target-or-menu' && !commands.clearTarget()) s.setMenuOpen(true);
        return;
      }
      if (isFormControl(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (s.menuOpen || s.dialog) return;
      const slot = SLOT_CODES.indexOf(e.code);
      if (slot >= 0) return commands.activateSlot(slot);
      // a window's own key (window-table.tsx)
      const row = WINDOW_BY_CODE.get(e.code);
      if (row) return row.toggle(s, commands);
      switch (e.code) {
        case 'Tab':
          e.preventDefault(); // keep the focus where it is
          return commands.tabTarget();
        case 'KeyH':
        case 'Slash': // '?'
          return s.toggleKeyHelp();
        case 'KeyN':
          return s.setNotificationsOpen(!s.notificationsOpen);
        case 'KeyF':
          return commands.interact();
        case 'KeyE':
          // the same rule as the touch "use" button
          return runContextAction(store, commands);
        case 'Enter':
        case 'NumpadEnter':
          // a focused button or link takes Enter as its click
          if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)
            return;
          e.preventDefault();
          return s.focusChat();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, commands]);
}
