import { describe, expect, it } from 'vitest';
import { openedAnother, otherWindows, walkedAway } from './popup';

const state = (
  panels: Record<string, boolean>,
  dialogue: unknown = null,
  vendor: string | null = null,
) => ({
  panels,
  dialogue,
  vendorContactId: vendor,
});

describe('daily popup stepping aside', () => {
  it('lists the other open windows, never itself', () => {
    expect([...otherWindows(state({ daily: true, inventory: true, bank: false }))]).toEqual([
      'inventory',
    ]);
    expect(
      [...otherWindows(state({ daily: true }, { contactId: 'regina' }, 'koji'))].sort(),
    ).toEqual(['dialogue', 'vendor']);
  });

  it('yields only when another window opens, not to one that was already open', () => {
    const inv = otherWindows(state({ daily: true, inventory: true }));
    expect(openedAnother(inv, inv)).toBe(false);
    expect(
      openedAnother(inv, otherWindows(state({ daily: true, inventory: true, bank: true }))),
    ).toBe(true);
    // closing one is no reason
    expect(openedAnother(inv, otherWindows(state({ daily: true })))).toBe(false);
  });

  it('closes an unasked popup once the player walks more than 3 m', () => {
    expect(walkedAway({ x: 256, y: 256 }, { x: 258, y: 257 })).toBe(false);
    expect(walkedAway({ x: 256, y: 256 }, { x: 259.1, y: 256 })).toBe(true);
  });
});
