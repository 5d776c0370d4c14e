import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS, keyHit } from '../input/key-bindings';
import { createGameStore } from '../store/game-store';
import type { GameCommands } from './game-session';
import { WINDOWS, WINDOW_BY_ID } from './window-table';

/** The row a key toggles, through the key table. */
const rowOfKey = (code: string) => {
  const b = keyHit('world', code)?.binding;
  return b?.action === 'window' ? WINDOW_BY_ID.get(b.window) : undefined;
};

const commands = (calls: string[]) =>
  ({
    toggleBank: () => calls.push('bank'),
    toggleMail: () => calls.push('mail'),
  }) as unknown as GameCommands;

describe('the window table', () => {
  it('every window of the store has a row, and each row one window', () => {
    const panels = Object.keys(createGameStore().getState().panels);
    const ids = WINDOWS.map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id !== 'combatLog').sort()).toEqual([...panels].sort());
  });

  it('every window key of the key table names a row, and the row shows that key', () => {
    const keyed = KEY_BINDINGS.flatMap((b) => (b.action === 'window' ? [b] : []));
    expect(new Set(keyed.map((b) => b.window)).size).toBe(keyed.length);
    for (const b of keyed) {
      const row = WINDOW_BY_ID.get(b.window)!;
      expect(row).toBeDefined();
      expect(row.key).toEqual({ code: b.keys[0], face: b.faces[0] });
      expect(row.title).toContain(`(${b.faces[0]})`);
    }
    // a row without a line there has no key (the daily reward: its button only)
    const unkeyed = WINDOWS.filter((w) => !keyed.some((b) => b.window === w.id));
    expect(unkeyed.map((w) => w.id)).toEqual(['daily']);
    expect(unkeyed[0]!.key).toBeUndefined();
  });

  it("a panel row's toggle opens and closes its window, and isOpen reads it", () => {
    const store = createGameStore();
    const row = rowOfKey('KeyI')!;
    expect(row.id).toBe('inventory');
    row.toggle(store.getState(), commands([]));
    expect(store.getState().panels.inventory).toBe(true);
    expect(row.isOpen(store.getState())).toBe(true);
    row.toggle(store.getState(), commands([]));
    expect(row.isOpen(store.getState())).toBe(false);
  });

  it('L toggles the combat log; B and M ask the terminals (the command refuses away from one)', () => {
    const store = createGameStore();
    rowOfKey('KeyL')!.toggle(store.getState(), commands([]));
    expect(store.getState().combatLogOpen).toBe(true);
    const calls: string[] = [];
    rowOfKey('KeyB')!.toggle(store.getState(), commands(calls));
    rowOfKey('KeyM')!.toggle(store.getState(), commands(calls));
    expect(calls).toEqual(['bank', 'mail']);
    expect(store.getState().panels.bank).toBe(false);
  });

  it('T opens the metro only at a station, and says why not elsewhere', () => {
    const store = createGameStore();
    const metro = rowOfKey('KeyT')!;
    expect(metro.button).toBe(false);
    metro.toggle(store.getState(), commands([]));
    expect(store.getState().panels.travel).toBe(false);
    expect(store.getState().toasts.at(-1)?.text).toMatch(/metro station/);
    store.setState({ stationNear: { id: 'watson-metro', name: 'Kabuki Metro' } as never });
    metro.toggle(store.getState(), commands([]));
    expect(store.getState().panels.travel).toBe(true);
  });
});
