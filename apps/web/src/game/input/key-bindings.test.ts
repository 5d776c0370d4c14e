import { describe, expect, it } from 'vitest';
import {
  ABILITY_FACES,
  CARD_BINDINGS,
  KEY_BINDINGS,
  keyFace,
  keyHit,
  windowFace,
  windowKey,
  type KeyContext,
} from './key-bindings';

const codesIn = (context: KeyContext) =>
  KEY_BINDINGS.filter((b) => b.context === context).flatMap((b) => b.keys);

describe('the key table', () => {
  it('binds a key at most once in a context, and every key finds its own binding', () => {
    for (const context of ['world', 'window', 'dialogue'] as const) {
      const codes = codesIn(context);
      expect(new Set(codes).size).toBe(codes.length);
    }
    for (const b of KEY_BINDINGS)
      b.keys.forEach((code, index) =>
        expect(keyHit(b.context, code)).toEqual({ binding: b, index }),
      );
    expect(keyHit('world', 'KeyQ')).toBeNull();
    expect(keyHit('world', 'Digit1')?.binding.action).toBe('ability');
    expect(keyHit('dialogue', 'Digit1')?.binding.action).toBe('choice');
  });

  it('keeps the game’s keys (the e2e specs press these)', () => {
    const world = (code: string) => {
      const b = keyHit('world', code)?.binding;
      return b?.action === 'window' ? `window:${b.window}` : b?.action;
    };
    const expected: Record<string, string> = {
      KeyW: 'move',
      KeyA: 'move',
      KeyS: 'move',
      KeyD: 'move',
      ArrowUp: 'move',
      ArrowLeft: 'move',
      ArrowDown: 'move',
      ArrowRight: 'move',
      Tab: 'target',
      KeyE: 'use',
      KeyF: 'pickup',
      KeyI: 'window:inventory',
      KeyC: 'window:character',
      KeyJ: 'window:quests',
      KeyR: 'window:reputation',
      KeyO: 'window:friends',
      KeyG: 'window:guild',
      KeyY: 'window:achievements',
      KeyU: 'window:rankings',
      KeyK: 'window:queue',
      KeyP: 'window:contracts',
      KeyB: 'window:bank',
      KeyM: 'window:mail',
      KeyL: 'window:combatLog',
      KeyX: 'window:auction',
      KeyV: 'window:crafting',
      KeyT: 'window:travel',
      KeyN: 'notifications',
      Enter: 'chat',
      NumpadEnter: 'chat',
      KeyH: 'keyHelp',
      Slash: 'keyHelp',
    };
    for (let i = 1; i <= 6; i++) expected[`Digit${i}`] = 'ability';
    expect(Object.fromEntries(codesIn('world').map((c) => [c, world(c)]))).toEqual(expected);
    expect(codesIn('window')).toEqual(['Escape']);
    expect(codesIn('dialogue').sort()).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`Digit${n}`, `Numpad${n}`]).sort(),
    );
  });

  it('gives a key’s argument by its place: the n-th slot, the n-th choice', () => {
    expect(keyHit('world', 'Digit1')?.index).toBe(0);
    expect(keyHit('world', 'Digit6')?.index).toBe(5);
    expect(keyHit('dialogue', 'Numpad9')?.index).toBe(8);
  });

  it('names a window’s key by its id; a window without a line has none', () => {
    expect(windowKey('inventory')).toEqual({ code: 'KeyI', face: 'I' });
    expect(windowKey('combatLog')).toEqual({ code: 'KeyL', face: 'L' });
    expect(windowKey('daily')).toBeUndefined();
  });

  it('prints a window title’s key, an action’s key and the ability slots’ keys from the table', () => {
    expect(windowFace('inventory')).toBe('I');
    expect(windowFace('travel')).toBe('T');
    // a window without a key of its own closes with Esc
    expect(windowFace('daily')).toBe('Esc');
    expect(keyFace('escape')).toBe('Esc');
    expect(ABILITY_FACES).toEqual(['1', '2', '3', '4', '5', '6']);
    const slots = ABILITY_FACES.map((_, i) => keyHit('world', `Digit${i + 1}`));
    expect(slots.map((h) => [h?.binding.action, h?.index])).toEqual(
      ABILITY_FACES.map((_, i) => ['ability', i]),
    );
  });

  it('gives every line of the card keys to print and a word', () => {
    expect(CARD_BINDINGS.length).toBeGreaterThan(0);
    for (const b of CARD_BINDINGS) {
      expect(b.faces.length).toBeGreaterThan(0);
      expect(b.label).not.toBe('');
    }
    // N was once left off the hand-written card
    expect(CARD_BINDINGS.some((b) => b.keys.includes('KeyN'))).toBe(true);
  });
});
