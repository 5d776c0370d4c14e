/**
 * The no-value-loop check: no sequence of craft, salvage, vendor buy and
 * vendor sell makes eddies or materials out of nothing. Best cases throughout:
 * every salvage yield at its max and its chance ignored, the best vendor standing.
 */
import { describe, expect, it } from 'vitest';
import { ITEM_TEMPLATES, itemTemplateById } from '../content/items';
import { RECIPES } from '../content/recipes';
import { salvageTableFor } from '../content/salvage';
import { VENDORS } from '../content/vendors';
import { VENDOR_PRICE_MULTIPLIERS } from '../rules/reputation';
import { vendorBuyPrice, vendorSellPrice } from '../rules/vendor';
import { itemsValue, salvageMaxValue } from './crafting-rules';

/** The friendliest price factor (revered): the cheapest buys, the best sales. */
const BEST = Math.min(...Object.values(VENDOR_PRICE_MULTIPLIERS).filter((m) => m !== null));
const template = (id: string) => itemTemplateById(id)!;
/** The most a salvage of the template can yield, at base price. */
const salvageBack = (id: string) => {
  const table = salvageTableFor(template(id));
  return table ? salvageMaxValue(table) : 0;
};

describe('no value loop', () => {
  it('for every recipe, salvaging what it makes yields less than its inputs are worth', () => {
    let checked = 0;
    for (const r of RECIPES) {
      const table = salvageTableFor(template(r.output.templateId));
      if (!table) continue; // consumables cannot be salvaged
      checked++;
      const back = salvageMaxValue(table) * r.output.quantity;
      expect(back, `${r.id}: salvage ${back} vs inputs ${itemsValue(r.inputs)}`).toBeLessThan(
        itemsValue(r.inputs),
      );
    }
    expect(checked).toBeGreaterThanOrEqual(24);
  });

  it('salvaging any item yields less than the item is worth, and less than a vendor asks for it', () => {
    for (const t of ITEM_TEMPLATES) {
      const table = salvageTableFor(t);
      if (!table) continue;
      expect(salvageMaxValue(table), t.id).toBeLessThan(t.value);
      // buy at the best standing, salvage, sell every material at the best standing
      const sold = table.yields.reduce(
        (sum, y) => sum + vendorSellPrice(template(y.templateId).value, BEST) * y.max,
        0,
      );
      expect(sold, t.id).toBeLessThan(vendorBuyPrice(t.value, BEST));
    }
  });

  it('buying gear to salvage into materials, crafting and selling the result loses eddies', () => {
    // the cheapest eddies per unit of material value a vendor + salvage can supply
    const stocked = [...new Set(VENDORS.flatMap((v) => v.stock.map((s) => s.templateId)))];
    const perValue = Math.min(
      ...stocked
        .filter((id) => salvageBack(id) > 0)
        .map((id) => vendorBuyPrice(template(id).value, BEST) / salvageBack(id)),
    );
    expect(perValue).toBeGreaterThan(1);
    for (const r of RECIPES) {
      const cost = itemsValue(r.inputs) * perValue;
      const sale = vendorSellPrice(template(r.output.templateId).value, BEST) * r.output.quantity;
      expect(sale, r.id).toBeLessThan(cost);
    }
  });
});
