import { describe, expect, it } from 'vitest';
import { findToastSlot } from './toast-slot';

const viewport = { width: 1280, height: 800 };
const size = { width: 380, height: 120 };
const overlap = (
  s: { left: number; top: number },
  r: { x0: number; y0: number; x1: number; y1: number },
) => s.left < r.x1 && s.left + size.width > r.x0 && s.top < r.y1 && s.top + size.height > r.y0;

describe('findToastSlot', () => {
  it('takes the top of the right column when nothing is there', () => {
    expect(findToastSlot({ viewport, size, protect: [] })).toEqual({ left: 884, top: 16 });
  });

  it('goes below a window in its way, clear of it', () => {
    const minimap = { x0: 1084, y0: 16, x1: 1264, y1: 196 };
    const inventory = { x0: 698, y0: 16, x1: 1264, y1: 456 };
    const slot = findToastSlot({ viewport, size, protect: [minimap, inventory] })!;
    expect(slot.left).toBe(884);
    expect(slot.top).toBeGreaterThanOrEqual(456 + 6);
    expect(overlap(slot, inventory)).toBe(false);
  });

  it('moves to the next column when the first one is full', () => {
    const right = { x0: 640, y0: 0, x1: 1280, y1: 800 };
    expect(findToastSlot({ viewport, size, protect: [right] })).toEqual({ left: 16, top: 16 });
  });

  it('gives no slot rather than cover a window', () => {
    const all = { x0: 0, y0: 100, x1: 1280, y1: 700 };
    const top = { x0: 0, y0: 0, x1: 1280, y1: 50 };
    expect(findToastSlot({ viewport, size, protect: [all, top] })).toBeNull();
    expect(findToastSlot({ viewport: { width: 300, height: 800 }, size, protect: [] })).toBeNull();
  });
});
