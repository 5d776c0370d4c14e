// A character whose browser closed stays in the street for its reconnect window
// (RECONNECT_GRACE_MS): others see it dimmed with "disconnected" on its plate, and
// the mark goes when its player comes back.
import { expect, test } from './test';
import type { Page, TestInfo } from '@playwright/test';
// the window.__necp declaration
import type {} from '../src/game/test-hook';
import { dismissDailyPopup, enterCity, hold, uid, newPlayerInCity } from './helpers';

/** Whether `viewer` draws the player `name` as disconnected (undefined: not in view). */
const disconnectedSeen = (viewer: Page, name: string) =>
  viewer.evaluate(
    (name) => window.__necp?.state().entities.find((e) => e.name === name)?.disconnected,
    name,
  );

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

test('a player whose browser closed is marked disconnected until it comes back', async ({
  browser,
}, info) => {
  const id = uid();
  const a = { user: `ann${id}`, char: `Misty${id}` };
  const b = { user: `ben${id}`, char: `Kerry${id}` };
  const ctxA = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const ctxB = await browser.newContext();
  const pa = await ctxA.newPage();
  const pb = await ctxB.newPage();
  await newPlayerInCity(pa, a.user, a.char, 'streetkid', 'solo');
  await newPlayerInCity(pb, b.user, b.char, 'nomad', 'netrunner');
  await dismissDailyPopup(pa);
  // B steps a few metres off A's spot so both plates read clearly
  await hold(pb, 'd', 600);
  await expect.poll(() => disconnectedSeen(pa, b.char)).toBe(false);

  // B's browser closes: the socket drops, the character stays — marked
  await ctxB.close();
  await expect.poll(() => disconnectedSeen(pa, b.char), { timeout: 10_000 }).toBe(true);
  await shot(pa, info, 'disconnected-desktop');
  await pa.setViewportSize({ width: 390, height: 844 });
  await shot(pa, info, 'disconnected-phone');
  await pa.setViewportSize({ width: 844, height: 390 });
  await shot(pa, info, 'disconnected-phone-landscape');
  await pa.setViewportSize({ width: 1400, height: 900 });

  // B signs in again within the window: the same character continues, unmarked
  const ctxB2 = await browser.newContext();
  const pb2 = await ctxB2.newPage();
  await pb2.goto('/signin');
  await pb2.getByLabel('Email').fill(`${b.user}@e2e.necp`);
  await pb2.getByLabel('Password').fill('correct-horse-battery');
  await pb2.getByRole('button', { name: /sign in/i }).click();
  await pb2.waitForURL('**/characters');
  await enterCity(pb2, b.char);
  await expect.poll(() => disconnectedSeen(pa, b.char), { timeout: 10_000 }).toBe(false);

  await ctxA.close();
  await ctxB2.close();
});
