'use client';
/**
 * Game hotkeys by physical key: I inventory, C character, B bank, F pick up /
 * open, E use (bank terminal, else pick up), Tab next target, 1–6 abilities,
 * L combat log, Esc closes the topmost thing (dialog, menu, windows, the target)
 * before it opens the game menu. Ignored while typing.
 */
import { useEffect } from 'react';
import type { GameStore } from '../store/game-store';
import type { GameCommands } from './game-session';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

const SLOT_CODES = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5', 'Digit6'];

export function useHotkeys(store: GameStore, commands: GameCommands) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      if (s.kicked || s.fatal) return;
      if (e.key === 'Escape') {
        if (s.dialog) return s.setDialog(null);
        if (s.contextMenu) return s.setContextMenu(null);
        const open = (Object.keys(s.panels) as (keyof typeof s.panels)[]).filter(
          (k) => s.panels[k],
        );
        if (open.length > 0 && !s.menuOpen) {
          for (const k of open) s.setPanel(k, false);
          return;
        }
        if (!s.menuOpen && commands.clearTarget()) return;
        return s.setMenuOpen(!s.menuOpen);
      }
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (s.menuOpen || s.dialog) return;
      const slot = SLOT_CODES.indexOf(e.code);
      if (slot >= 0) return commands.activateSlot(slot);
      switch (e.code) {
        case 'Tab':
          e.preventDefault(); // keep the focus where it is
          return commands.tabTarget();
        case 'KeyL':
          return s.toggleCombatLog();
        case 'KeyI':
          return s.togglePanel('inventory');
        case 'KeyC':
          return s.togglePanel('character');
        case 'KeyB':
          return commands.toggleBank();
        case 'KeyF':
          return commands.interact();
        case 'KeyE':
          return s.bankNear && !s.panels.bank ? commands.toggleBank() : commands.interact();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, commands]);
}
