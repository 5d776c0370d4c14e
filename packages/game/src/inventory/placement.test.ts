import { describe, expect, it } from 'vitest';
import { firstFreeSlot, planPlacement, type SlottedStack } from './placement';
import { equipTarget } from './equip-targets';

const stack = (
  id: string,
  slot: number,
  quantity: number,
  o: Partial<SlottedStack> = {},
): SlottedStack => ({
  id,
  slot,
  quantity,
  templateId: 'scrap',
  durability: null,
  boundCharacterId: null,
  ...o,
});
const scrap = (quantity: number, o = {}) => ({
  templateId: 'scrap',
  quantity,
  durability: null,
  boundCharacterId: null,
  stackSize: 10,
  ...o,
});

describe('planPlacement', () => {
  it('tops up matching stacks lowest slot first, then empty slots', () => {
    const r = planPlacement({
      slots: 5,
      occupants: [stack('b', 3, 8), stack('a', 1, 9), stack('x', 0, 1, { templateId: 'other' })],
      incoming: scrap(15),
    });
    expect(r).toEqual({
      ok: true,
      plan: {
        merges: [
          { itemId: 'a', add: 1 },
          { itemId: 'b', add: 2 },
        ],
        fresh: [
          { slot: 2, quantity: 10 },
          { slot: 4, quantity: 2 },
        ],
      },
    });
  });

  it('fails as a whole when not everything fits', () => {
    expect(planPlacement({ slots: 1, occupants: [stack('a', 0, 5)], incoming: scrap(6) })).toEqual({
      ok: false,
      reason: 'full',
    });
  });

  it('never merges across binding or durability, nor items that do not stack', () => {
    const occupants = [
      stack('bound', 0, 1, { boundCharacterId: 'c1' }),
      stack('worn', 1, 1, { durability: 5 }),
    ];
    const r = planPlacement({ slots: 3, occupants, incoming: scrap(1) });
    expect(r).toEqual({ ok: true, plan: { merges: [], fresh: [{ slot: 2, quantity: 1 }] } });
    const single = planPlacement({
      slots: 3,
      occupants: [stack('p', 0, 1)],
      incoming: scrap(1, { stackSize: 1 }),
    });
    expect(single.ok && single.plan.fresh).toEqual([{ slot: 1, quantity: 1 }]);
  });

  it('with toSlot: empty slot, a matching stack with room for all, else taken/out of range', () => {
    const occupants = [stack('a', 0, 5), stack('o', 1, 1, { templateId: 'other' })];
    expect(planPlacement({ slots: 3, occupants, incoming: scrap(4), toSlot: 2 })).toEqual({
      ok: true,
      plan: { merges: [], fresh: [{ slot: 2, quantity: 4 }] },
    });
    expect(planPlacement({ slots: 3, occupants, incoming: scrap(5), toSlot: 0 })).toEqual({
      ok: true,
      plan: { merges: [{ itemId: 'a', add: 5 }], fresh: [] },
    });
    expect(planPlacement({ slots: 3, occupants, incoming: scrap(6), toSlot: 0 })).toMatchObject({
      reason: 'slot_taken',
    });
    expect(planPlacement({ slots: 3, occupants, incoming: scrap(1), toSlot: 1 })).toMatchObject({
      reason: 'slot_taken',
    });
    expect(planPlacement({ slots: 3, occupants, incoming: scrap(1), toSlot: 3 })).toMatchObject({
      reason: 'no_such_slot',
    });
  });

  it('firstFreeSlot', () => {
    expect(firstFreeSlot(3, [{ slot: 0 }, { slot: 2 }])).toBe(1);
    expect(firstFreeSlot(2, [{ slot: 0 }, { slot: 1 }])).toBeNull();
  });
});

describe('equipTarget', () => {
  const none = new Map();
  it('puts an item in its own slot and displaces what is there', () => {
    expect(equipTarget('body', none)).toEqual({ slot: 'body', displace: [] });
    expect(equipTarget('body', new Map([['body', 'body']]))).toEqual({
      slot: 'body',
      displace: ['body'],
    });
  });

  it('two-handers take main_hand and free off_hand; an off-hand item pushes a two-hander out', () => {
    const both = new Map([
      ['main_hand', 'main_hand'],
      ['off_hand', 'off_hand'],
    ] as const);
    expect(equipTarget('two_hand', both)).toEqual({
      slot: 'main_hand',
      displace: ['main_hand', 'off_hand'],
    });
    expect(equipTarget('off_hand', new Map([['main_hand', 'two_hand']]))).toEqual({
      slot: 'off_hand',
      displace: ['main_hand'],
    });
    expect(equipTarget('off_hand', new Map([['main_hand', 'main_hand']]))).toEqual({
      slot: 'off_hand',
      displace: [],
    });
  });

  it('cyberware: requested slot, else the first empty cyber slot, else cyber_1', () => {
    expect(equipTarget('cyberware', none)).toEqual({ slot: 'cyber_1', displace: [] });
    expect(equipTarget('cyberware', new Map([['cyber_1', 'cyberware']]))).toEqual({
      slot: 'cyber_2',
      displace: [],
    });
    const full = new Map([
      ['cyber_1', 'cyberware'],
      ['cyber_2', 'cyberware'],
    ] as const);
    expect(equipTarget('cyberware', full)).toEqual({ slot: 'cyber_1', displace: ['cyber_1'] });
    expect(equipTarget('cyberware', full, 'cyber_2')).toEqual({
      slot: 'cyber_2',
      displace: ['cyber_2'],
    });
    expect(equipTarget('cyberware', none, 'head')).toBeNull();
    expect(equipTarget('body', none, 'head')).toBeNull();
  });
});
