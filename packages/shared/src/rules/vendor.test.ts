import { describe, expect, it } from 'vitest';
import { VENDOR_PRICE_MULTIPLIERS } from './reputation';
import { vendorBuyPrice, vendorSellPrice } from './vendor';

const multipliers = Object.values(VENDOR_PRICE_MULTIPLIERS).filter((m): m is number => m !== null);

describe('vendorBuyPrice', () => {
  it('scales the value by the standing multiplier without float noise', () => {
    expect(vendorBuyPrice(220, 1.1)).toBe(242);
    expect(vendorBuyPrice(90, 1.1)).toBe(99);
    expect(vendorBuyPrice(400, 1.1)).toBe(440);
    expect(vendorBuyPrice(100, 0.85)).toBe(85);
    expect(vendorBuyPrice(15, 0.95)).toBe(15); // 14.25 rounds up: the vendor never loses a fraction
  });
  it('charges at least 1 and refuses nonsense', () => {
    expect(vendorBuyPrice(0, 1)).toBe(1);
    expect(() => vendorBuyPrice(-1, 1)).toThrow(RangeError);
    expect(() => vendorBuyPrice(10, 0)).toThrow(RangeError);
    expect(() => vendorBuyPrice(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe('vendorSellPrice', () => {
  it('pays a quarter of the value at neutral, a little more with better standing', () => {
    expect(vendorSellPrice(100, 1)).toBe(25);
    expect(vendorSellPrice(220, 1.1)).toBe(50);
    expect(vendorSellPrice(100, 0.85)).toBe(29);
  });
  it('pays in proportion to durability left, never less than 10 %', () => {
    expect(vendorSellPrice(400, 1, { current: 50, max: 100 })).toBe(50);
    expect(vendorSellPrice(400, 1, { current: 0, max: 100 })).toBe(10);
  });
  it('never pays as much as the same item costs, at any value and standing', () => {
    for (const m of multipliers)
      for (let value = 0; value <= 2000; value += 7)
        expect(vendorSellPrice(value, m)).toBeLessThan(vendorBuyPrice(value, m));
  });
});
