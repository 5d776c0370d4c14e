// @vitest-environment happy-dom
/**
 * The key dispatchers over the key table (input/key-bindings.ts), with real DOM events:
 * every pressed binding runs its action, held movement keys move, and a key typed into
 * a form control stays the control's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_BINDINGS, type KeyBinding } from '../input/key-bindings';
import { KeyboardInput } from '../input/keyboard';
import { createGameStore, type GameStore } from '../store/game-store';
import type { GameCommands } from './game-session';
import { runHotkey } from './use-hotkeys';
import { WINDOW_BY_ID } from './window-table';

type Call = [string, ...unknown[]];

/** Commands that record what was asked of the client; clearTarget: no target to clear. */
const recorder = (calls: Call[]) =>
  new Proxy({} as GameCommands, {
    get:
      (_, name) =>
      (...args: unknown[]) => {
        calls.push([String(name), ...args]);
        return false;
      },
  });

/** A game in the world, a listener running the hotkeys, and what they did. */
function game() {
  const store: GameStore = createGameStore();
  const calls: Call[] = [];
  const commands = recorder(calls);
  const onKey = (e: KeyboardEvent) => runHotkey(e, store, commands);
  window.addEventListener('keydown', onKey);
  listeners.push(onKey);
  const press = (code: string, opts: KeyboardEventInit = {}, target: EventTarget = window) => {
    const e = new KeyboardEvent('keydown', { code, bubbles: true, cancelable: true, ...opts });
    target.dispatchEvent(e);
    return e;
  };
  return { store, calls, press };
}

const listeners: ((e: KeyboardEvent) => void)[] = [];
afterEach(() => {
  for (const l of listeners.splice(0)) window.removeEventListener('keydown', l);
  document.body.innerHTML = '';
});

const TERMINAL_COMMAND: Partial<Record<string, string>> = {
  bank: 'toggleBank',
  mail: 'toggleMail',
  auction: 'toggleAuction',
  crafting: 'toggleCrafting',
};

/** What the press of `b`'s `index`-th key must have done, read from the store and calls. */
function expectDone(b: KeyBinding, index: number, g: ReturnType<typeof game>, e: KeyboardEvent) {
  const s = g.store.getState();
  switch (b.action) {
    case 'move':
    case 'choice':
      return expect(g.calls).toEqual([]); // held (keyboard.ts) / a conversation's
    case 'target':
      expect(e.defaultPrevented).toBe(true);
      return expect(g.calls).toEqual([['tabTarget']]);
    case 'ability':
      return expect(g.calls).toEqual([['activateSlot', index]]);
    case 'use': // nothing in front: E picks up, as F
    case 'pickup':
      return expect(g.calls).toEqual([['interact']]);
    case 'notifications':
      return expect(s.notificationsOpen).toBe(true);
    case 'chat':
      expect(e.defaultPrevented).toBe(true);
      return expect(s.chatFocusRequest).toBe(1);
    case 'escape': // nothing open, no target: the game menu
      expect(g.calls).toEqual([['clearTarget']]);
      return expect(s.menuOpen).toBe(true);
    case 'keyHelp':
      return expect(s.keyHelp).toBe(true);
    case 'window': {
      const command = TERMINAL_COMMAND[b.window];
      if (command) return expect(g.calls).toEqual([[command]]);
      if (b.window === 'travel') return expect(s.toasts.at(-1)?.text).toMatch(/metro station/);
      return expect(WINDOW_BY_ID.get(b.window)!.isOpen(s)).toBe(true);
    }
  }
}

const PRESSED = KEY_BINDINGS.filter((b) => b.context !== 'dialogue');

describe('the hotkeys run the key table', () => {
  it.each(PRESSED.flatMap((b) => b.keys.map((code, i) => [code, b, i] as const)))(
    '%s runs its binding',
    (code, b, i) => {
      const g = game();
      const e = g.press(code, { key: code === 'Escape' ? 'Escape' : '' });
      expectDone(b, i, g, e);
    },
  );

  it('a key typed into a text field, a slider or a list is the control’s', () => {
    for (const tag of ['input', 'textarea', 'select']) {
      const field = document.body.appendChild(document.createElement(tag));
      for (const b of PRESSED.filter((x) => x.context === 'world'))
        for (const code of b.keys) {
          const g = game();
          g.press(code, {}, field);
          expect(g.calls).toEqual([]);
          const s = g.store.getState();
          expect([s.keyHelp, s.notificationsOpen, s.chatFocusRequest, s.layers]).toEqual([
            false,
            false,
            0,
            [],
          ]);
          listeners.splice(0).forEach((l) => window.removeEventListener('keydown', l));
        }
    }
  });

  it('Esc in a text field leaves it first; the next Esc closes the window', () => {
    const g = game();
    g.store.getState().setPanel('inventory', true);
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    expect(document.activeElement).toBe(field);
    g.press('Escape', { key: 'Escape' }, field);
    expect(document.activeElement).not.toBe(field);
    expect(g.store.getState().panels.inventory).toBe(true);
    g.press('Escape', { key: 'Escape' });
    expect(g.store.getState().panels.inventory).toBe(false);
  });

  it('no world key with Ctrl/Alt/Meta, on auto-repeat, or under the game menu', () => {
    const g = game();
    for (const opts of [{ ctrlKey: true }, { altKey: true }, { metaKey: true }, { repeat: true }])
      g.press('KeyI', opts);
    g.store.getState().setMenuOpen(true);
    g.press('KeyI');
    g.press('Digit1');
    expect(g.store.getState().panels.inventory).toBe(false);
    expect(g.calls).toEqual([]);
    // Esc still works there: it closes the menu
    g.press('Escape', { key: 'Escape' });
    expect(g.store.getState().menuOpen).toBe(false);
  });

  it('Enter on a focused button is its click, not the chat', () => {
    const g = game();
    const button = document.body.appendChild(document.createElement('button'));
    g.press('Enter', {}, button);
    expect(g.store.getState().chatFocusRequest).toBe(0);
  });
});

describe('held movement reads the key table', () => {
  it('WASD and the arrows move, not while typing', () => {
    const keys = new KeyboardInput(window);
    const hold = (code: string, target: EventTarget = window) =>
      target.dispatchEvent(new KeyboardEvent('keydown', { code, bubbles: true }));
    const release = (code: string) =>
      window.dispatchEvent(new KeyboardEvent('keyup', { code, bubbles: true }));
    const moves: Record<string, [number, number]> = {
      KeyW: [0, -1],
      ArrowUp: [0, -1],
      KeyS: [0, 1],
      ArrowDown: [0, 1],
      KeyA: [-1, 0],
      ArrowLeft: [-1, 0],
      KeyD: [1, 0],
      ArrowRight: [1, 0],
    };
    for (const [code, [dx, dy]] of Object.entries(moves)) {
      hold(code);
      expect(keys.direction()).toEqual({ dx, dy });
      release(code);
    }
    hold('KeyW');
    hold('KeyD');
    expect(keys.direction()).toEqual({ dx: 1, dy: -1 });
    keys.clear();
    hold('KeyI');
    hold('KeyW', document.body.appendChild(document.createElement('input')));
    expect(keys.heldCodes()).toEqual([]);
    keys.dispose();
  });
});
