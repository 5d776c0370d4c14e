import { describe, expect, it } from 'vitest';
import { createGameStore } from '../store/game-store';
import type { GameCommands } from './game-session';
import { WINDOWS, WINDOW_BY_CODE } from './window-table';

/** Keys the hotkey hook gives to something other than a window (use-hotkeys.ts, movement). */
const OTHER_KEYS = ['KeyW', 'KeyA', 'KeyS', 'KeyD', 'KeyE', 'KeyF', 'KeyH', 'KeyN', 'Tab', 'Slash'];

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

  it('no two rows share a key, and none takes a key the game uses for something else', () => {
    const codes = WINDOWS.flatMap((w) => (w.key ? [w.key.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    expect(WINDOW_BY_CODE.size).toBe(codes.length);
    for (const c of codes) expect(OTHER_KEYS).not.toContain(c);
    for (const w of WINDOWS) if (w.key) expect(w.key.code).toBe(`Key${w.key.face}`);
  });

  it("a panel row's toggle opens and closes its window, and isOpen reads it", () => {
    const store = createGameStore();
    const row = WINDOW_BY_CODE.get('KeyI')!;
    expect(row.id).toBe('inventory');
    row.toggle(store.getState(), commands([]));
    expect(store.getState().panels.inventory).toBe(true);
    expect(row.isOpen(store.getState())).toBe(true);
    row.toggle(store.getState(), commands([]));
    expect(row.isOpen(store.getState())).toBe(false);
  });

  it('L toggles the combat log; B and M ask the terminals (the command refuses away from one)', () => {
    const store = createGameStore();
    WINDOW_BY_CODE.get('KeyL')!.toggle(store.getState(), commands([]));
    expect(store.getState().combatLogOpen).toBe(true);
    const calls: string[] = [];
    WINDOW_BY_CODE.get('KeyB')!.toggle(store.getState(), commands(calls));
    WINDOW_BY_CODE.get('KeyM')!.toggle(store.getState(), commands(calls));
    expect(calls).toEqual(['bank', 'mail']);
    expect(store.getState().panels.bank).toBe(false);
  });

  it('T opens the metro only at a station, and says why not elsewhere', () => {
    const store = createGameStore();
    const metro = WINDOW_BY_CODE.get('KeyT')!;
    expect(metro.button).toBe(false);
    metro.toggle(store.getState(), commands([]));
    expect(store.getState().panels.travel).toBe(false);
    expect(store.getState().toasts.at(-1)?.text).toMatch(/metro station/);
    store.setState({ stationNear: { id: 'watson-metro', name: 'Kabuki Metro' } as never });
    metro.toggle(store.getState(), commands([]));
    expect(store.getState().panels.travel).toBe(true);
  });
});
