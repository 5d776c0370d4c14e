import { describe, expect, it } from 'vitest';
import { resolveDrop, type DragPayload } from './drag';

const bag = (slot: number, over: Partial<DragPayload> = {}): DragPayload => ({
  itemId: 'i1',
  templateId: 'scrap_metal',
  quantity: 5,
  from: { container: 'bag', slot },
  split: false,
  ...over,
});

describe('resolveDrop', () => {
  it('does nothing when dropped where it came from', () => {
    expect(resolveDrop(bag(3), { container: 'bag', slot: 3 })).toBeNull();
  });

  it('moves inside the bag, or splits when shift was held', () => {
    expect(resolveDrop(bag(0), { container: 'bag', slot: 4 })).toEqual({
      kind: 'move',
      itemId: 'i1',
      toSlot: 4,
    });
    expect(resolveDrop(bag(0, { split: true }), { container: 'bag', slot: 4 })).toEqual({
      kind: 'split',
      itemId: 'i1',
      toSlot: 4,
      max: 4,
      to: 'bag',
    });
    // a single item cannot be split: it just moves
    expect(
      resolveDrop(bag(0, { split: true, quantity: 1 }), { container: 'bag', slot: 4 })?.kind,
    ).toBe('move');
  });

  it('equips from the bag and unequips into it', () => {
    expect(resolveDrop(bag(2), { container: 'equipment', slot: 'main_hand' })).toEqual({
      kind: 'equip',
      itemId: 'i1',
      slot: 'main_hand',
    });
    const worn: DragPayload = { ...bag(0), from: { container: 'equipment', slot: 'head' } };
    expect(resolveDrop(worn, { container: 'bag', slot: 7 })).toEqual({
      kind: 'unequip',
      itemId: 'i1',
      toSlot: 7,
    });
  });

  it('deposits, withdraws and moves inside the bank', () => {
    expect(resolveDrop(bag(1), { container: 'bank', slot: 0 })?.kind).toBe('deposit');
    const banked: DragPayload = { ...bag(0), from: { container: 'bank', slot: 5 } };
    expect(resolveDrop(banked, { container: 'bag', slot: 0 })?.kind).toBe('withdraw');
    expect(resolveDrop(banked, { container: 'bank', slot: 6 })?.kind).toBe('bankMove');
  });

  it('drops bag and equipped items on the street, refuses banked ones', () => {
    expect(resolveDrop(bag(1), { container: 'ground' })).toEqual({ kind: 'ground', itemId: 'i1' });
    const banked: DragPayload = { ...bag(0), from: { container: 'bank', slot: 5 } };
    expect(resolveDrop(banked, { container: 'ground' })?.kind).toBe('refuse');
    expect(resolveDrop(banked, { container: 'equipment', slot: 'head' })?.kind).toBe('refuse');
  });
});
