// A drop that is not yours yet says whose it is and when it frees: A cracks a Watson
// supply crate (its drops are A's for a minute), B walks up to one — the prompt reads
// "Reserved for <A> — free in N s", counting down, with no F to press; F anyway is
// answered with the same words. Screenshots of B at desktop and phone sizes.
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { CRATE_RANGE, DROP_OWNER_MS, zoneById } from '@necp/shared';
import {
  dismissDailyPopup,
  enterCity,
  newAccountWithCharacter,
  ownPosition,
  uid,
  walkTo,
} from './helpers';

const watson = zoneById('watson')!;
// the Abandoned Vendor Stash: no pack lives within 80 m of it (the Dumpster Cache has
// scavengers 14 m away, who killed B on its walk once), and no other spec opens it
const crate = watson.spawnPoints.find((p) => p.id === 'watson-crate-market')!;
/** Little China Ave and the street just south of the stash: a walk clear of every pack */
const AVENUE_X = 257;
const STREET_Y = 448;

interface GroundDrop {
  eid: number;
  name: string;
  x: number;
  y: number;
  mine: boolean;
}
const groundDrops = async (page: Page): Promise<GroundDrop[]> =>
  JSON.parse((await page.getByTestId('ground-drops').getAttribute('data-drops')) ?? '[]');
/** The movement keys toward (dx, dy) for one short step (~0.25 m). */
async function shortStep(page: Page, dx: number, dy: number) {
  const keys: string[] = [];
  if (Math.abs(dx) > 0.05) keys.push(dx > 0 ? 'd' : 'a');
  if (Math.abs(dy) > 0.05) keys.push(dy > 0 ? 's' : 'w');
  for (const k of keys) await page.keyboard.down(k);
  await page.waitForTimeout(40);
  for (const k of keys) await page.keyboard.up(k);
  await page.waitForTimeout(250);
}
const secondsLeft = async (page: Page) =>
  Number(
    /free in (\d+) s/.exec((await page.getByTestId('hint-reserved').textContent()) ?? '')?.[1],
  );

test('a drop not yours yet names its owner and the time left, and offers no key', async ({
  browser,
}, info) => {
  test.setTimeout(240_000);
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
  await Promise.all([enterCity(pa, a.char), enterCity(pb, b.char)]);
  await Promise.all([dismissDailyPopup(pa), dismissDailyPopup(pb)]);

  // both walk to the crate down the avenue and along the street (walkTo goes straight:
  // no building and no pack on these legs); A cracks it open (F) — its items are
  // rolled: once more after the cooldown
  const walkToCrate = async (page: Page, dx: number) => {
    await walkTo(page, AVENUE_X, STREET_Y);
    await walkTo(page, crate.x + dx, STREET_Y);
    await walkTo(page, crate.x + dx, crate.y + 2);
  };
  await Promise.all([walkToCrate(pa, 0), walkToCrate(pb, 2)]);
  const hintA = pa.getByTestId('interaction-hint');
  await expect(hintA).toHaveAttribute('data-kind', 'crate');
  const mineOf = async () => (await groundDrops(pa)).filter((d) => d.mine);
  let mine: GroundDrop[] = [];
  /** when the drops were made, at the latest (this test's clock): they free DROP_OWNER_MS after */
  let droppedBy = 0;
  for (let tries = 0; tries < 3 && mine.length === 0; tries++) {
    if (tries > 0) await pa.waitForTimeout(31_000);
    await pa.keyboard.press('f');
    droppedBy = Date.now();
    await expect(pa.getByTestId('toast').filter({ hasText: 'Crate cracked open' })).toBeVisible();
    await expect
      .poll(async () => (await mineOf()).length, { timeout: 3000 })
      .toBeGreaterThan(0)
      .catch(() => undefined);
    mine = await mineOf();
  }
  // the one farthest from the crate (in the crate's reach the hint offers the crate first)
  const off = (d: GroundDrop) => Math.hypot(d.x - crate.x, d.y - crate.y);
  const drop = mine.reduce((far, d) => (off(d) > off(far) ? d : far));

  // B stands where the drop is in reach and the crate is not (in its reach the hint offers
  // the crate first): on the line from the crate through the drop, midway across that
  // window (as wide as the drop is far from the crate), then short steps settle it
  const away = Math.max(off(drop), 0.1);
  const ux = (drop.x - crate.x) / away;
  const uy = (drop.y - crate.y) / away;
  const at = CRATE_RANGE + away / 2;
  await walkTo(pb, crate.x + ux * at, crate.y + uy * at, 0.25);
  const hintB = pb.getByTestId('interaction-hint');
  for (let i = 0; i < 16; i++) {
    const kind = (await hintB.count()) ? await hintB.getAttribute('data-kind') : null;
    if (kind === 'drop') {
      if (await pb.getByTestId('hint-reserved').count()) break;
      // a free drop in reach is offered first (another spec's crate leaves some here): take it
      await pb.keyboard.press('f');
      await pb.waitForTimeout(400);
      continue;
    }
    // the crate still in reach: a step away from it; nothing in reach: a step to the drop
    const [bx, by] = await ownPosition(pb);
    const to = kind === 'crate' ? { x: bx + ux, y: by + uy } : drop;
    await shortStep(pb, to.x - bx, to.y - by);
  }
  await expect(hintB).toHaveAttribute('data-kind', 'drop');
  const reserved = pb.getByTestId('hint-reserved');
  await expect(reserved).toContainText(`Reserved for ${a.char} — free in`);
  await expect(hintB.locator('kbd')).toHaveCount(0);
  // the time left counts down from when the crate opened (B's walk may take a while on a
  // busy machine: the reading is held to that clock, not to a fixed share of the minute)
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
