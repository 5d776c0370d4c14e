// Screens (issue 25, item 10), at desktop (1400×900) and phone size (390×844 and
// 844×390, touch), with screenshots in test-results/screens/: Esc closes the top-most
// layer (the notification panel before the game menu), the chat box docks clear of
// the zone card however tall it grows, toasts never cover the party frame, the key
// list can be hidden and stays so; on a phone the hints name the touch control, the
// target button reaches 30 m, the refusal line is not printed over the target's name,
// the landscape chat takes at most 40 % of the height and leaves the ability bar and
// the use button free, and the bag grid is in view without scrolling.
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { contactById } from '@necp/shared';
import { state } from './combat-helpers';
import { dismissDailyPopup, onTop, uid, walkTo, newPlayerInCity } from './helpers';
import { cityPlayer, formParty } from './queue-helpers';

const DESKTOP = { width: 1400, height: 900 };
const regina = contactById('regina')!;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/${name}.png` });

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, `${selector} on screen`).not.toBeNull();
  return b!;
};

async function player(page: Page, prefix: string, cls = 'solo') {
  const name = `${prefix}${uid()}`;
  await newPlayerInCity(page, `${prefix.toLowerCase()}_${uid()}`, name, 'streetkid', cls);
  return name;
}

test.describe('desktop (1400×900)', () => {
  test.use({ viewport: DESKTOP });

  test('Esc closes the top-most layer first; the game menu only opens with nothing open', async ({
    page,
  }) => {
    await player(page, 'Esc');
    await dismissDailyPopup(page);
    const canvas = page.getByTestId('game-canvas');
    const bell = page.getByTestId('bell-panel');
    const menu = page.getByTestId('escape-menu');
    const bag = page.getByTestId('inventory-panel');

    // the notification panel alone: Esc closes it, it does not open the menu over it
    await canvas.focus();
    await page.keyboard.press('n');
    await expect(bell).toBeVisible();
    await shot(page, 'desktop-bell-open');
    await page.keyboard.press('Escape');
    await expect(bell).toHaveCount(0);
    await expect(menu).toHaveCount(0);

    // the bag, then the bell over it: the bell first, then the bag, then the menu
    await page.keyboard.press('i');
    await expect(bag).toBeVisible();
    await page.getByTestId('bell').click();
    await expect(bell).toBeVisible();
    await canvas.focus();
    await page.keyboard.press('Escape');
    await expect(bell).toHaveCount(0);
    await expect(bag).toBeVisible();
    await expect(menu).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(bag).toHaveCount(0);
    await expect(menu).toHaveCount(0);
    // the other way round: the bell, then the bag — the bag (opened last) goes first
    await page.keyboard.press('n');
    await expect(bell).toBeVisible();
    await page.keyboard.press('i');
    await expect(bag).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(bell).toBeVisible();
    await expect(bag).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(bell).toHaveCount(0);
    await expect(menu).toHaveCount(0);
    // nothing open: the game menu; Esc closes it again
    await page.keyboard.press('Escape');
    await expect(menu).toBeVisible();
    await shot(page, 'desktop-menu');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    // a text field keeps the first Esc (leaving it), the next closes its window
    await page.keyboard.press('o');
    const input = page.getByTestId('friend-add-input');
    await input.click();
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(input).not.toBeFocused();
    await expect(page.getByTestId('friends-panel')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('friends-panel')).toHaveCount(0);
    await expect(menu).toHaveCount(0);
  });

  test('the chat box stays clear of the zone card, however tall the card grows', async ({
    page,
  }) => {
    await player(page, 'Dock');
    await dismissDailyPopup(page);
    const chat = page.getByTestId('chat-window');
    if ((await chat.getAttribute('data-open')) === 'false')
      await page.getByRole('button', { name: 'Open chat' }).click();
    await expect(chat).toHaveAttribute('data-open', 'true');
    const clear = async (label: string) => {
      await page.waitForTimeout(100); // the dock answers the card's new size in a frame
      const c = await box(page, '[data-testid=chat-window]');
      const w = await box(page, '.hud__where');
      expect(
        intersects(c, w),
        `${label}: chat ${JSON.stringify(c)} over ${JSON.stringify(w)}`,
      ).toBe(false);
      expect(c.y + c.height).toBeLessThanOrEqual(w.y);
    };
    await clear('city');
    // an arena or dungeon puts its "Leave" button on the card (instance-leave-button.tsx):
    // the same button, added here, as tall as it is there
    await page.evaluate(() => {
      const card = document.querySelector('.hud__where')!;
      const b = document.createElement('button');
      b.className = 'btn btn--small btn--danger instance-leave';
      b.textContent = 'Leave dungeon';
      card.append(b);
    });
    await clear('instance');
    await shot(page, 'desktop-chat-over-instance-card');
  });

  test('the key list hides with H or its ×, comes back from its chip, and is remembered', async ({
    page,
  }) => {
    await player(page, 'Keys');
    await dismissDailyPopup(page);
    const help = page.getByTestId('hud-help');
    const chip = page.getByTestId('hud-help-show');
    // the first session shows it
    await expect(help).toBeVisible();
    await shot(page, 'desktop-keys-first-session');
    await page.getByTestId('game-canvas').focus();
    await page.keyboard.press('h');
    await expect(help).toHaveCount(0);
    await expect(chip).toBeVisible();
    // hidden stays hidden
    await page.reload();
    await expect(page.getByTestId('hud-name')).not.toHaveText('…');
    await expect(chip).toBeVisible();
    await expect(help).toHaveCount(0);
    await shot(page, 'desktop-keys-hidden');
    // the chip brings it back, and that is remembered too
    await chip.click();
    await expect(help).toBeVisible();
    await page.reload();
    await expect(help).toBeVisible();
    // its × hides it
    await help.getByTestId('hud-help-hide').click();
    await expect(help).toHaveCount(0);
    // a player who never chose: from the second session on it stays out of the playfield
    await page.evaluate(() => localStorage.removeItem('necp.keyHelp'));
    await page.reload();
    await expect(page.getByTestId('hud-name')).not.toHaveText('…');
    await expect(chip).toBeVisible();
    await expect(help).toHaveCount(0);
  });

  test('toasts never cover the party frame while windows are open', async ({ browser }) => {
    test.setTimeout(180_000);
    const [ca, cb] = await Promise.all([
      browser.newContext({ viewport: DESKTOP }),
      browser.newContext({ viewport: DESKTOP }),
    ]);
    try {
      const [pa, pb] = await Promise.all([ca.newPage(), cb.newPage()]);
      const [a, b] = await Promise.all([
        cityPlayer(pa, 'Lead', 'solo'),
        cityPlayer(pb, 'Mate', 'solo'),
      ]);
      await formParty(pa, pb, a, b);
      const frames = pa.getByTestId('party-frames');
      await expect(frames).toBeVisible();
      // windows on the right and in the middle: the toasts look for room on the left,
      // where the party frame is (and stays in sight)
      await pa.getByTestId('game-canvas').focus();
      for (const k of ['i', 'r']) await pa.keyboard.press(k);
      await expect(pa.getByTestId('reputation-panel')).toBeVisible();
      expect(await onTop(pa, '[data-testid=party-frames]')).toBe(true);
      // a few toasts ("Walk to a metro station …", "Walk up to a bank terminal …")
      for (const k of ['t', 'b', 't', 'b']) await pa.keyboard.press(k);
      const toasts = pa.locator('[data-testid=toast]:not(.is-waiting)');
      await expect(toasts.first()).toBeVisible();
      await pa.waitForTimeout(300);
      const party = (await frames.boundingBox())!;
      for (const t of await toasts.all()) {
        const tb = await t.boundingBox();
        if (tb)
          expect(intersects(tb, party), `toast ${JSON.stringify(tb)} over the party`).toBe(false);
      }
      await shot(pa, 'desktop-toasts-party');
    } finally {
      await Promise.all([ca.close(), cb.close()]);
    }
  });
});

test.describe('phone (touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('upright: the hint names the use button, the refusal line clears the target, the bag grid is in view', async ({
    page,
  }) => {
    await player(page, 'Tip');
    await dismissDailyPopup(page, 'tap');

    // beside Regina: "Tap TALK", the use button's own face — no E
    await walkTo(page, regina.x, regina.y + 2.5, 0.8);
    const hint = page.getByTestId('hint-talk');
    await expect(hint).toBeVisible();
    const face = (await page.getByTestId('touch-interact').textContent())!.trim();
    await expect(hint.getByTestId('hint-key')).toHaveText(`Tap${face.toUpperCase()}`);
    await expect(page.getByTestId('interaction-hint').locator('kbd')).toHaveCount(0);
    await shot(page, 'phone-hint-touch');

    // the bag: its whole grid on screen without scrolling
    await page.getByTestId('hud-inventory').tap();
    await expectBagGridInView(page);
    await shot(page, 'phone-bag');
    await page
      .getByTestId('inventory-panel')
      .getByRole('button', { name: /^Close/ })
      .tap();

    // near the plaza's punks: the target button picks one within 30 m; a refused
    // ability's red line is printed below the target frame, not over its name
    await walkTo(page, 270, 262, 1.5);
    await expect.poll(async () => (await hostilesInView(page)).some((h) => h.d <= 28)).toBe(true);
    await page.getByTestId('touch-target').tap();
    await expect(page.getByTestId('target-frame')).toBeVisible();
    await expectTargetWithin(page, 30);
    // step back north until it is beyond every ability's reach (25 m), still in sight:
    // the attack is refused "Out of range"
    const far = async () => {
      const s = await state(page);
      const t = s.entities.find((e) => e.eid === s.target);
      return t ? Math.hypot(t.x - s.self!.x, t.y - s.self!.y) : 0;
    };
    await page.keyboard.down('w');
    await expect.poll(far, { timeout: 10_000 }).toBeGreaterThan(27);
    await page.keyboard.up('w');
    await expect(page.getByTestId('target-frame')).toBeVisible();
    const error = page.getByTestId('combat-error');
    await page.getByTestId('ability-slot').first().tap();
    await expect(error).toHaveText('Out of range');
    const name = await box(page, '[data-testid=target-name]');
    const line = await box(page, '[data-testid=combat-error]');
    expect(intersects(name, line), `"${await error.textContent()}" over the target's name`).toBe(
      false,
    );
    await shot(page, 'phone-refusal-and-target');
  });

  test('on its side: the chat takes at most 40 %, the ability bar and use button stay free; the target button reaches 30 m; the bag grid is in view', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 844, height: 390 });
    await player(page, 'Side', 'netrunner');
    await dismissDailyPopup(page, 'tap');

    // the chat: collapsed and opened, clear of the zone card, the bars and the buttons
    const chat = page.getByTestId('chat-window');
    if ((await chat.getAttribute('data-open')) === 'true')
      await page.getByRole('button', { name: 'Collapse chat' }).tap();
    await expect(chat).toHaveAttribute('data-open', 'false');
    const free = ['.hud__self', '.hud__where', '[data-testid=ability-bar]', '.touch__buttons'];
    const clearOf = async (label: string) => {
      const c = (await chat.boundingBox())!;
      for (const sel of free)
        expect(intersects(c, await box(page, sel)), `${label}: chat over ${sel}`).toBe(false);
    };
    await clearOf('collapsed');
    await page.getByRole('button', { name: 'Open chat' }).tap();
    await expect(chat).toHaveAttribute('data-open', 'true');
    const open = (await chat.boundingBox())!;
    expect(open.height).toBeLessThanOrEqual(390 * 0.4 + 1);
    await clearOf('open');
    expect(await onTop(page, '[data-testid=ability-bar]')).toBe(true);
    expect(await onTop(page, '[data-testid=touch-interact]')).toBe(true);
    await shot(page, 'landscape-chat-open');
    await page.getByRole('button', { name: 'Collapse chat' }).tap();

    // the bag grid, whole, beside your card
    await page.getByTestId('hud-inventory').tap();
    await expectBagGridInView(page);
    await shot(page, 'landscape-bag');
    await page
      .getByTestId('inventory-panel')
      .getByRole('button', { name: /^Close/ })
      .tap();

    // west of the plaza: its punks are on this wide screen but 35 m and more away —
    // the target button picks none of them (it once picked one 46 m away)
    await walkTo(page, 240, 270, 1.5);
    await expect.poll(async () => (await hostilesInView(page)).length).toBeGreaterThan(0);
    await page.getByTestId('touch-target').tap();
    await expectTargetWithin(page, 30);
    await shot(page, 'landscape-target-button');
  });
});

/** Hostiles drawn on screen now, with their distance from you (m). */
async function hostilesInView(page: Page) {
  const s = await state(page);
  const me = s.self!;
  return s.entities
    .filter((e) => e.inView && !e.dead && e.disposition === 'hostile')
    .map((e) => ({ eid: e.eid, d: Math.hypot(e.x - me.x, e.y - me.y) }));
}

/** The target (if the button picked one) is within `m` metres; with none that near, none is picked. */
async function expectTargetWithin(page: Page, m: number) {
  await page.waitForTimeout(150);
  const s = await state(page);
  const me = s.self!;
  const near = s.entities.filter(
    (e) =>
      e.inView &&
      !e.dead &&
      e.disposition === 'hostile' &&
      Math.hypot(e.x - me.x, e.y - me.y) <= m - 1,
  );
  if (s.target === null) {
    expect(near, 'a hostile within reach was left unpicked').toEqual([]);
    await expect(page.getByTestId('combat-error')).toHaveText('No enemies in range');
    return;
  }
  const t = s.entities.find((e) => e.eid === s.target);
  expect(t, 'the target is drawn').toBeTruthy();
  // (+1 m: it may have stepped since the tap)
  expect(Math.hypot(t!.x - me.x, t!.y - me.y)).toBeLessThanOrEqual(m + 1);
}

/** Every slot of the bag grid is on screen and inside the window's visible body, unscrolled. */
async function expectBagGridInView(page: Page) {
  const bag = page.getByTestId('inventory-panel');
  await expect(bag.getByTestId('bag-slot').first()).toBeVisible();
  const out = await bag.evaluate((panel) => {
    const body = panel.querySelector('.gwin__body')!.getBoundingClientRect();
    const view = { x0: 0, y0: 0, x1: window.innerWidth, y1: window.innerHeight };
    const slots = [...panel.querySelectorAll('[data-testid=bag-slot]')].map((s) =>
      s.getBoundingClientRect(),
    );
    return {
      slots: slots.length,
      outside: slots.filter(
        (r) =>
          r.top < Math.max(body.top, view.y0) - 1 ||
          r.bottom > Math.min(body.bottom, view.y1) + 1 ||
          r.left < view.x0 ||
          r.right > view.x1,
      ).length,
    };
  });
  expect(out.slots).toBeGreaterThan(0);
  expect(out.outside, 'bag slots below the fold').toBe(0);
}
