import { describe, expect, it } from 'vitest';
import { choiceIndex } from './use-dialogue-keys';

describe('choice keys', () => {
  it('maps the number row and the keypad to choices 1–9', () => {
    expect(choiceIndex('Digit1')).toBe(0);
    expect(choiceIndex('Digit9')).toBe(8);
    expect(choiceIndex('Numpad3')).toBe(2);
  });
  it('ignores 0 and every other key', () => {
    expect(choiceIndex('Digit0')).toBeNull();
    expect(choiceIndex('KeyE')).toBeNull();
    expect(choiceIndex('Digit10')).toBeNull();
    expect(choiceIndex('')).toBeNull();
  });
});
