// A drop that is not yours yet says whose it is and when it frees: A drops an item on
// the street (its own for a minute, like a kill's or a crate's loot), B steps onto it —
// the prompt reads "Reserved for <A> — free in N s", counting down, with no F to press;
// F anyway is answered with the same words. Screenshots of B at desktop and phone sizes.
// (It used to crack a supply crate: a rolled drop may land so close to the crate that
// only a sliver of street reaches it and not the crate, and packs guard the crates.)
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { grantItem } from '@necp/game';
import { DROP_OWNER_MS } from '@necp/shared';
import { state } from './combat-helpers';
import { dismissDailyPopup, enterCity, newAccountWithCharacter, uid, walkTo } from './helpers';

/** On Little China Ave north of the start: no pack, terminal or crate within reach. */
const SPOT = { x: 257, y: 238 };

const secondsLeft = async (page: Page) =>
  Number(
    /free in (\d+) s/.exec((await page.getByTestId('hint-reserved').textContent()) ?? '')?.[1],
  );

test('a drop not yours yet names its owner and the time left, and offers no key', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const id = uid();
  const a = { user: `owna${id}`, char: `Kira${id}` };
  const b = { user: `ownb${id}`, char: `Bex${id}` };
  const ctxA = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const ctxB = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const pa = await ctxA.newPage();
  const pb = await ctxB.newPage();
  await Promise.all([
    newAccountWithCharacter(pa, a.user, a.char, 'streetkid', 'solo'),
    newAccountWithCharacter(pb, b.user, b.char, 'nomad', 'netrunner'),
  ]);
  // Test-only setup: a new character's kit is all worn, so A's bag gets a cap from the
  // domain's own grant (a ledgered `admin` source) before A enters — no endpoint involved
  const characterId = await pa.getByTestId('character-card').first().getAttribute('data-id');
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await grantItem(
      { db },
      { characterId: characterId!, templateId: 'cap_street', quantity: 1, reason: 'admin' },
    );
  } finally {
    await db.$disconnect();
  }
  await Promise.all([enterCity(pa, a.char), enterCity(pb, b.char)]);
  await Promise.all([dismissDailyPopup(pa), dismissDailyPopup(pb)]);
  // loose tolerances: on a busy machine a key is held longer than asked, and a tight
  // one had a walker overshoot back and forth for a minute and a half
  await Promise.all([walkTo(pa, SPOT.x, SPOT.y, 1.5), walkTo(pb, SPOT.x + 3, SPOT.y, 1.5)]);

  // A drops the cap at its feet (the bag's item menu)
  const bag = pa.getByTestId('inventory-panel');
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('i');
  const cap = bag.locator('[data-testid=bag-slot][data-item-id]:not([data-item-id=""])');
  await expect(cap).toHaveCount(1);
  const before = new Set((await state(pa)).drops.map((d) => d.eid));
  await cap.first().click(); // a click opens the item's actions
  await pa.getByTestId('item-menu').locator('[data-action=drop]').click();
  const droppedBy = Date.now();
  await expect
    .poll(async () => (await state(pa)).drops.filter((d) => d.mine && !before.has(d.eid)).length)
    .toBe(1);
  const drop = (await state(pa)).drops.find((d) => d.mine && !before.has(d.eid))!;
  await pa.keyboard.press('i');

  // B steps onto it: the prompt names A and the time left, with no key to press
  await walkTo(pb, drop.x, drop.y, 1.5); // PICKUP_RANGE is 4 m
  const hintB = pb.getByTestId('interaction-hint');
  await expect(hintB).toHaveAttribute('data-kind', 'drop');
  const reserved = pb.getByTestId('hint-reserved');
  await expect(reserved).toContainText(`Reserved for ${a.char} — free in`);
  await expect(hintB.locator('kbd')).toHaveCount(0);
  // the time left counts down from the drop (held to that clock: B's walk may be slow)
  const first = await secondsLeft(pb);
  const left = (DROP_OWNER_MS - (Date.now() - droppedBy)) / 1000;
  expect(first).toBeGreaterThanOrEqual(Math.floor(left) - 2);
  expect(first).toBeLessThanOrEqual(Math.min(60, Math.ceil(left) + 2));
  await expect.poll(() => secondsLeft(pb), { timeout: 5000 }).toBeLessThan(first);

  // F anyway: the same words, not a bare refusal
  await pb.keyboard.press('f');
  await expect(
    pb.getByTestId('toast').filter({ hasText: `Reserved for ${a.char} — free in` }),
  ).toBeVisible();

  for (const [name, size] of [
    ['desktop', { width: 1400, height: 900 }],
    ['phone-portrait', { width: 390, height: 844 }],
    ['phone-landscape', { width: 844, height: 390 }],
  ] as const) {
    await pb.setViewportSize(size);
    await expect(reserved).toBeVisible();
    const path = info.outputPath(`reserved-${name}.png`);
    await pb.screenshot({ path });
    await info.attach(`reserved-${name}`, { path, contentType: 'image/png' });
  }

  await ctxA.close();
  await ctxB.close();
});
