// Trading through the real client: claim the daily login reward (the new account's
// first eddies), at Koji's noodle cart open the shop from the conversation,
// buy two bowls, sell one back, buy it back — and the eddies add up at every step,
// on the vendor window and on the HUD; a purchase whose answer was lost, pressed again,
// buys once.
import { expect, test } from './test';
import type { Locator, Page } from '@playwright/test';
import { contactById, loginRewardFor, vendorById } from '@necp/shared';
import { uid, walkTo, newPlayerInCity } from './helpers';

const koji = contactById('koji')!;
const noodles = vendorById(koji.vendorId!)!.stock[0]!.templateId;

const hudEddies = async (page: Page) =>
  Number(await page.getByTestId('hud-eddies').getAttribute('data-value'));

/** The units in every bag slot the locator finds. */
async function unitsOf(slots: Locator): Promise<number> {
  let n = 0;
  for (const s of await slots.all()) n += Number(await s.getAttribute('data-quantity'));
  return n;
}

test('claim the daily reward, then buy, sell and buy back at a vendor', async ({ page }) => {
  test.setTimeout(240_000);
  const id = uid();
  // Koji's cart is across the district: the character starts beside it (the walk is not the subject)
  await newPlayerInCity(page, `trader${id}`, `Koji${id}`, 'streetkid', 'solo', {
    at: { x: koji.x + 2, y: koji.y },
  });

  // the login reward pops up for a new account: day 1 of the streak, claim it
  const daily = page.getByTestId('daily-reward');
  await expect(daily).toBeVisible();
  await expect(page.getByTestId('hud-daily-dot')).toBeVisible();
  await expect(daily.locator('[data-testid=daily-day][data-day="1"]')).toHaveAttribute(
    'data-state',
    'claimable',
  );
  const start = await hudEddies(page);
  await daily.getByTestId('daily-claim').click();
  const reward = loginRewardFor(1).eddies;
  await expect.poll(() => hudEddies(page)).toBe(start + reward);
  await expect(daily.locator('[data-testid=daily-day][data-day="1"]')).toHaveAttribute(
    'data-state',
    'claimed',
  );
  await expect(page.getByTestId('hud-daily-dot')).toHaveCount(0);
  await daily.getByRole('button', { name: 'Close daily login' }).click();
  let purse = start + reward;

  // at Koji's; E talks, "What's cooking?" (key 1) opens the shop and the bag beside it
  await walkTo(page, koji.x + 2, koji.y, 0.8);
  await expect(page.getByTestId('interaction-hint')).toContainText(koji.name);
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('e');
  const talk = page.getByTestId('dialogue-window');
  await expect(talk.getByTestId('dialogue-contact')).toHaveText(koji.name);
  await expect(talk.locator('[data-testid=dialogue-choice][data-choice-id=trade]')).toBeVisible();
  await page.keyboard.press('1');
  const shop = page.getByTestId('vendor-window');
  await expect(shop).toBeVisible();
  await expect(talk).toHaveCount(0);
  await expect(page.getByTestId('inventory-panel')).toBeVisible();
  await expect(shop.getByTestId('vendor-eddies')).toHaveAttribute('data-value', String(purse));

  // buy two bowls (a stack asks how many)
  const row = shop.locator(`[data-testid=vendor-stock][data-template=${noodles}]`);
  const price = Number(await row.getAttribute('data-price'));
  expect(price).toBeGreaterThan(0);
  await row.getByTestId('vendor-buy').click();
  await page.getByTestId('quantity-input').fill('2');
  await page.getByTestId('confirm-ok').click();
  purse -= 2 * price;
  await expect(shop.getByTestId('vendor-eddies')).toHaveAttribute('data-value', String(purse));
  await expect.poll(() => hudEddies(page)).toBe(purse);
  const bag = page
    .getByTestId('inventory-panel')
    .locator(`[data-testid=bag-slot][data-template=${noodles}]`);
  await expect(bag).toHaveAttribute('data-quantity', '2');

  // sell one back: the vendor pays less than it charged
  await shop.getByTestId('vendor-tab-sell').click();
  const sellRow = shop.locator(`[data-testid=vendor-sell-item][data-template=${noodles}]`);
  const sellPrice = Number(await sellRow.getAttribute('data-price'));
  expect(sellPrice).toBeLessThan(price);
  await sellRow.getByTestId('vendor-sell').click();
  await page.getByTestId('quantity-input').fill('1');
  await page.getByTestId('confirm-ok').click();
  purse += sellPrice;
  await expect(shop.getByTestId('vendor-eddies')).toHaveAttribute('data-value', String(purse));
  await expect.poll(() => hudEddies(page)).toBe(purse);
  await expect(bag).toHaveAttribute('data-quantity', '1');

  // and buy it back at what it sold for
  await shop.getByTestId('vendor-tab-buyback').click();
  const back = shop.locator(`[data-testid=vendor-buyback-item][data-template=${noodles}]`);
  await expect(back).toHaveCount(1);
  await expect(back).toHaveAttribute('data-price', String(sellPrice));
  await back.getByTestId('vendor-buyback').click();
  purse -= sellPrice;
  await expect(shop.getByTestId('vendor-eddies')).toHaveAttribute('data-value', String(purse));
  await expect.poll(() => hudEddies(page)).toBe(purse);
  await expect(back).toHaveCount(0);
  await expect.poll(() => unitsOf(bag)).toBe(2);
  // in total: the reward, minus two bowls at full price — selling and buying back cost nothing
  expect(purse).toBe(start + reward - 2 * price);

  // one more bowl, and its answer is lost on the way back (the server bought it): the
  // player presses Buy again — the same intent carries the same key, so the second press
  // answers the first purchase: one bowl, one charge
  await shop.getByTestId('vendor-tab-buy').click();
  let lost = 0;
  await page.route('**/api/trpc/vendor.buy**', async (route) => {
    if (lost++ > 0) return route.continue();
    await route.fetch();
    await route.abort('connectionreset');
  });
  const buyOne = async () => {
    await row.getByTestId('vendor-buy').click();
    await page.getByTestId('quantity-input').fill('1');
    await page.getByTestId('confirm-ok').click();
  };
  await buyOne();
  await expect(page.locator('[data-testid=toast][data-kind=warn]').last()).toBeVisible();
  await buyOne();
  await expect(page.locator('[data-testid=toast][data-kind=success]').last()).toContainText(
    'Bought for',
  );
  expect(lost).toBe(2);
  purse -= price;
  await expect(shop.getByTestId('vendor-eddies')).toHaveAttribute('data-value', String(purse));
  await expect.poll(() => hudEddies(page)).toBe(purse);
  await expect.poll(() => unitsOf(bag)).toBe(3);
});
