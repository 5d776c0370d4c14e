import { describe, expect, it } from 'vitest';
import { SEALED_LOT_OFFERS } from '../content/sealed-lots';
import { itemTemplateById } from '../content/items';
import { AUCTION_CATEGORIES } from './auction-rules';
import {
  SEALED_LOTS_PER_SEASON,
  SEALED_LOT_WINDOW_DAYS,
  sealedLotOffers,
  sealedLotWindow,
} from './sealed-lot-schedule';

const DAY = 86_400_000;

describe('the seasonal sealed lots’ schedule', () => {
  it('every offer is a sellable piece, in one stack, reserved at no less than its vendor value', () => {
    for (const o of SEALED_LOT_OFFERS) {
      const t = itemTemplateById(o.templateId);
      expect(t, o.templateId).toBeDefined();
      expect(AUCTION_CATEGORIES as readonly string[]).toContain(t!.kind);
      expect(o.quantity).toBeGreaterThanOrEqual(1);
      expect(o.quantity).toBeLessThanOrEqual(t!.stackSize);
      // winning at the reserve and selling to a vendor (a quarter of the value) is a loss
      expect(o.reserve).toBeGreaterThanOrEqual(t!.value * o.quantity);
    }
  });

  it('the window is the season’s opening week, never past its end', () => {
    expect(sealedLotWindow({ startsAt: 0, endsAt: 28 * DAY })).toEqual({
      opensAt: 0,
      closesAt: SEALED_LOT_WINDOW_DAYS * DAY,
    });
    expect(sealedLotWindow({ startsAt: 5, endsAt: 3 * DAY })).toEqual({
      opensAt: 5,
      closesAt: 3 * DAY,
    });
  });

  it('each season offers its share, slots 0…, and the next season different pieces', () => {
    const s1 = sealedLotOffers(1);
    const s2 = sealedLotOffers(2);
    expect(s1.map((o) => o.slot)).toEqual([0, 1, 2, 3]);
    expect(s1).toHaveLength(SEALED_LOTS_PER_SEASON);
    expect(new Set(s1.map((o) => o.templateId)).size).toBe(SEALED_LOTS_PER_SEASON);
    expect(s2[0]!.templateId).not.toBe(s1[0]!.templateId);
    // a pure function of the number: every process agrees
    expect(sealedLotOffers(77)).toEqual(sealedLotOffers(77));
  });
});
