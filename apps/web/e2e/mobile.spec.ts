// The game on a phone (390×844, touch): the HUD widgets do not overlap, the virtual
// stick walks (real touch events through the DevTools protocol, so the browser makes
// the pointer events a finger would), the window buttons open the bag as a
// full-screen sheet, and the "use" button talks to the contact in front of you.
import { expect, test } from './test';
import type { Page, TestInfo } from '@playwright/test';
import { contactById } from '@necp/shared';
import { dismissDailyPopup, onTop, ownPosition, uid, walkTo, newPlayerInCity } from './helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const regina = contactById('regina')!;

/** The HUD pieces that are always on screen in the city (plus the canvas minimap). */
const WIDGETS = {
  self: '.hud__self',
  where: '.hud__where',
  abilities: '[data-testid=ability-bar]',
  windows: 'nav.actionbar',
  xp: '[data-testid=hud-xp]',
  stick: '[data-testid=touch-stick]',
  buttons: '.touch__buttons',
  quests: '[data-testid=quest-tracker]',
};

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

async function hudBoxes(page: Page): Promise<Box[]> {
  return page.evaluate((widgets) => {
    const out: Box[] = [];
    for (const [name, sel] of Object.entries(widgets)) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0)
        out.push({ name, x: r.x, y: r.y, width: r.width, height: r.height });
    }
    const map = document.querySelector<HTMLCanvasElement>('[data-testid=game-canvas]')?.dataset
      .minimap;
    if (map) {
      const [x, y, w, h] = map.split(',').map(Number);
      out.push({ name: 'minimap', x: x!, y: y!, width: w!, height: h! });
    }
    return out;
  }, WIDGETS);
}

function overlaps(a: Box, b: Box) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectNoOverlaps(page: Page, width: number, height: number) {
  // the minimap is painted on the canvas: the HUD can be up a frame before the first
  // frame is drawn (the suite caps frames; a loaded machine draws later still)
  await expect(page.getByTestId('game-canvas')).toHaveAttribute(
    'data-minimap',
    /^[\d.]+,[\d.]+,[\d.]+,[\d.]+$/,
  );
  const boxes = await hudBoxes(page);
  expect(boxes.map((b) => b.name)).toEqual(
    expect.arrayContaining([
      'self',
      'where',
      'abilities',
      'windows',
      'xp',
      'stick',
      'buttons',
      'minimap',
    ]),
  );
  for (const b of boxes) {
    expect(b.x, `${b.name} left edge`).toBeGreaterThanOrEqual(0);
    expect(b.y, `${b.name} top edge`).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width, `${b.name} right edge`).toBeLessThanOrEqual(width);
    expect(b.y + b.height, `${b.name} bottom edge`).toBeLessThanOrEqual(height);
  }
  const clashes: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i]!, boxes[j]!)) clashes.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
  expect(clashes).toEqual([]);
}

async function snap(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** Holds a finger on the stick, pushed (dx, dy) pixels from its centre, for `ms`. */
async function pushStick(page: Page, dx: number, dy: number, ms: number) {
  const box = (await page.getByTestId('touch-stick').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (x: number, y: number) => [{ x, y, id: 1, radiusX: 8, radiusY: 8, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(cx, cy) });
  for (let i = 1; i <= 4; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: touch(cx + (dx * i) / 4, cy + (dy * i) / 4),
    });
  }
  await page.waitForTimeout(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('a phone plays: HUD without overlaps, stick, touch buttons, sheets', async ({
  page,
}, info) => {
  const name = `Tap${uid()}`;
  await newPlayerInCity(page, `m_${uid()}`, name, 'streetkid', 'solo');
  await dismissDailyPopup(page, 'tap');

  // touch controls are there; the keyboard help is not
  await expect(page.getByTestId('touch-controls')).toBeVisible();
  await expect(page.getByTestId('hud-help')).toBeHidden();
  await expect(page.getByTestId('ability-bar')).toBeVisible();

  // every HUD widget is inside the screen and no two overlap
  await expectNoOverlaps(page, 390, 844);
  await snap(page, info, 'phone-hud');

  // the stick walks: pushed right, the character goes east
  const [x0, y0] = await ownPosition(page);
  await pushStick(page, 50, 0, 1200);
  await expect.poll(async () => (await ownPosition(page))[0]).toBeGreaterThan(x0 + 2);
  const [x1, y1] = await ownPosition(page);
  expect(Math.abs(y1 - y0)).toBeLessThan(1);
  // released: it stops
  await page.waitForTimeout(400);
  const [x2] = await ownPosition(page);
  await page.waitForTimeout(500);
  expect((await ownPosition(page))[0]).toBeCloseTo(x2, 1);
  expect(x1).toBeGreaterThan(x0);

  // the bag opens from its touch button as a full-width sheet between your card
  // (health stays in sight) and the ability bar (abilities stay usable); it closes with ×
  await page.getByTestId('hud-inventory').tap();
  const bag = page.getByTestId('inventory-panel');
  await expect(bag).toBeVisible();
  const sheet = (await bag.boundingBox())!;
  const card = (await page.getByTestId('hud-health').boundingBox())!;
  const abilities = (await page.getByTestId('ability-bar').boundingBox())!;
  expect(sheet.x).toBeLessThanOrEqual(1);
  expect(sheet.width).toBeGreaterThanOrEqual(388);
  expect(sheet.y).toBeGreaterThanOrEqual(card.y + card.height);
  expect(sheet.y + sheet.height).toBeLessThanOrEqual(abilities.y);
  expect(sheet.height).toBeGreaterThanOrEqual(500);
  const close = bag.getByRole('button', { name: /^Close/ });
  const closeBox = (await close.boundingBox())!;
  expect(closeBox.width).toBeGreaterThanOrEqual(44);
  // real icons, not letters: the worn Unity pistol is drawn from Game Icons, tinted by rarity
  const pistol = bag.locator('[data-template=pistol_unity] svg[data-icon=pistol-gun]');
  await expect(pistol).toBeVisible();
  await expect(page.locator('[data-testid=ability-slot] svg[data-icon]').first()).toBeVisible();
  await snap(page, info, 'phone-bag');
  await close.tap();
  await expect(bag).toHaveCount(0);

  // the use button does what E does: beside Regina it says Talk and opens the conversation
  await walkTo(page, regina.x, regina.y + 2.5, 0.8);
  const use = page.getByTestId('touch-interact');
  await expect(use).toHaveAttribute('data-action', 'talk');
  await use.tap();
  const win = page.getByTestId('dialogue-window');
  await expect(win.getByTestId('dialogue-contact')).toHaveText(regina.name);
  await expect(
    win.getByTestId('dialogue-choices').or(win.getByTestId('dialogue-goodbye')),
  ).toBeVisible();
  await snap(page, info, 'phone-dialogue');
  await win.getByRole('button', { name: /^Close/ }).tap();
  await expect(win).toHaveCount(0);

  // the menu button opens the game menu
  await page.getByTestId('touch-menu').tap();
  await expect(page.getByTestId('escape-menu')).toBeVisible();
});

test('a phone on its side: the HUD widgets do not overlap, and windows leave your health in sight', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 844, height: 390 });
  const name = `Side${uid()}`;
  await newPlayerInCity(page, `s_${uid()}`, name, 'streetkid', 'netrunner');
  await dismissDailyPopup(page, 'tap');
  await expect(page.getByTestId('touch-stick')).toBeVisible();
  await expect(page.getByTestId('ability-bar')).toBeVisible();
  await expectNoOverlaps(page, 844, 390);
  await snap(page, info, 'phone-landscape-hud');

  // a window opens beside your card, not over it: health stays in sight
  await page.getByTestId('hud-inventory').tap();
  const bag = page.getByTestId('inventory-panel');
  await expect(bag).toBeVisible();
  const sheet = (await bag.boundingBox())!;
  const card = (await page.locator('.hud__self').boundingBox())!;
  expect(sheet.x).toBeGreaterThanOrEqual(card.x + card.width);
  expect(sheet.x + sheet.width).toBeLessThanOrEqual(844 + 1);
  expect(sheet.y).toBeLessThanOrEqual(1);
  expect(sheet.height).toBeGreaterThanOrEqual(388);
  expect(await onTop(page, '[data-testid=hud-health]')).toBe(true);
  expect(await onTop(page, '.hud__self')).toBe(true);
  const close = bag.getByRole('button', { name: /^Close/ });
  expect((await close.boundingBox())!.width).toBeGreaterThanOrEqual(44);
  await snap(page, info, 'phone-landscape-bag');
  await close.tap();
  await expect(bag).toHaveCount(0);
});
