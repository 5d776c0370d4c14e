// HUD polish (issue 10, player-facing defects): the windows, each at desktop (1280×800)
// and phone (390×844) size with screenshots in test-results/hud-polish/ — windows appear
// opaque at once, toasts never cover windows or the area banner, the reputation window
// has its data at once, fits the screen and explains a hostile start. The world's side
// (plates, hurt and dead, the metro ring) is hud-polish-world.spec.ts.
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { dismissDailyPopup } from './helpers';
import { type Box, SIZES, intersects, newPlayer, shot } from './hud-polish-kit';

/**
 * Presses a hotkey inside the page and reads the window the moment it is in the
 * document (before any animation could have run): its opacity and its animations.
 */
const firstFrameOf = (page: Page, code: string, testId: string) =>
  page.evaluate(
    ({ code, testId }) =>
      new Promise<{ opacity: string; animatesOpacity: boolean; animations: number }>((resolve) => {
        const mo = new MutationObserver(() => {
          const el = document.querySelector(`[data-testid=${testId}]`);
          if (!el) return;
          mo.disconnect();
          const animations = el.getAnimations();
          resolve({
            opacity: getComputedStyle(el).opacity,
            animatesOpacity: animations.some((a) =>
              (a.effect as KeyframeEffect | null)?.getKeyframes().some((k) => 'opacity' in k),
            ),
            animations: animations.length,
          });
        });
        mo.observe(document.body, { childList: true, subtree: true });
        window.dispatchEvent(
          new KeyboardEvent('keydown', { code, key: code.slice(3).toLowerCase() }),
        );
      }),
    { code, testId },
  );

/** What a toast must never cover, for the toasts test. */
const PROTECTED_UI =
  '.gwin, .gwin__head, .gwin button, [data-testid=area-banner], .hud-card, [data-testid=ability-bar]';

/**
 * In the page: the boxes of the shown toasts and of the protected UI, all read in one
 * frame, once the stack has been placed for what is on screen — for three frames in a
 * row no toast moved and nothing protected appeared, went or changed size. The stack
 * answers a change (a window, the area banner arriving) in the next frame; a look taken
 * between the two, or across several round trips, saw a toast about to move (the flake
 * "toast at y 255 over the area banner"). An overlap that stays is still one.
 */
function settledToastLayout(protectedUi: string) {
  const read = () => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const protect = [...document.querySelectorAll(protectedUi)]
      .map((e) => ({ ...box(e), what: e.getAttribute('data-testid') ?? e.className }))
      .filter((b) => b.width > 0 && b.height > 0);
    const toasts = [...document.querySelectorAll('[data-testid=toast]:not(.is-waiting)')]
      .filter((t) => t.checkVisibility({ visibilityProperty: true, opacityProperty: false }))
      .map(box);
    // what must stay put (the banner's own motion moves it a few px: only its size counts)
    const key = JSON.stringify([
      toasts,
      protect.map((p) => [p.what, Math.round(p.width), Math.round(p.height)]),
    ]);
    return { protect, toasts, key };
  };
  return new Promise<{ protect: (Box & { what: string })[]; toasts: Box[] }>((resolve) => {
    const until = performance.now() + 5_000;
    let last = '';
    let still = 0;
    const frame = () => {
      const now = read();
      still = now.key === last ? still + 1 : 0;
      last = now.key;
      if (still >= 2 || performance.now() > until) resolve(now);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

for (const size of SIZES) {
  test.describe(`HUD polish at ${size.name} size (${size.width}×${size.height})`, () => {
    test('windows appear opaque at once (no opacity fade), none animate with reduced motion', async ({
      page,
    }) => {
      // the suite prefers reduced motion (playwright.config.ts): this test compares both
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await newPlayer(page, size, 'fade');
      await dismissDailyPopup(page);
      await page.getByTestId('game-canvas').focus();
      const inv = await firstFrameOf(page, 'KeyI', 'inventory-panel');
      expect(inv).toEqual({ opacity: '1', animatesOpacity: false, animations: 1 });
      await shot(page, `${size.name}-window-opaque`);
      await page.keyboard.press('i');
      await expect(page.getByTestId('inventory-panel')).toHaveCount(0);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const rep = await firstFrameOf(page, 'KeyR', 'reputation-panel');
      expect(rep).toEqual({ opacity: '1', animatesOpacity: false, animations: 0 });
    });

    test('toasts never cover a window, its header or buttons, or the area banner', async ({
      page,
    }) => {
      await newPlayer(page, size, 'toast');
      // the welcome toast and the area banner arrive together on entering
      const banner = page.getByTestId('area-banner');
      const toasts = page.locator('[data-testid=toast]:not(.is-waiting)');
      const check = async (label: string) => {
        const { protect, toasts: shown } = await page.evaluate(settledToastLayout, PROTECTED_UI);
        for (const box of shown)
          for (const p of protect)
            expect(
              intersects(box, p),
              `${label}: toast ${JSON.stringify(box)} over ${p.what} ${JSON.stringify(p)}`,
            ).toBe(false);
        await shot(page, `${size.name}-toasts-${label}`);
      };
      // (on a phone the daily-login window fills the space between the bars: toasts wait)
      if (
        (await banner.isVisible()) &&
        (size.name !== 'phone' || (await page.locator('.gwin').count()) === 0)
      ) {
        await expect(toasts.first()).toBeVisible();
        await check('banner');
      }
      await dismissDailyPopup(page);
      await page.getByTestId('game-canvas').focus();
      // toasts with no window open are shown
      await page.keyboard.press('t'); // "Walk to a metro station …"
      await expect(toasts.first()).toBeVisible();
      await check('no-windows');
      // every window at once, then more toasts
      for (const k of ['i', 'c', 'j', 'r']) await page.keyboard.press(k);
      for (const id of ['inventory-panel', 'reputation-panel'])
        await expect(page.getByTestId(id)).toBeVisible();
      await page.keyboard.press('t');
      await page.keyboard.press('b'); // "Walk up to a bank terminal …"
      await page.waitForTimeout(300);
      await check('all-windows');
      if (size.name === 'desktop') {
        // there is room beside the windows on a desktop: toasts are shown there
        await expect(toasts.first()).toBeVisible();
      }
      // fewer windows: still clear of the rest
      await page.keyboard.press('c');
      await page.keyboard.press('j');
      await page.keyboard.press('b');
      if (size.name === 'desktop') await expect(toasts.first()).toBeVisible();
      await check('two-windows');
      // every window closed (Esc closes the top-most, one per press): the toasts are shown
      await page.keyboard.press('Escape');
      await expect(page.locator('.gwin')).toHaveCount(1);
      await page.keyboard.press('Escape');
      await expect(page.locator('.gwin')).toHaveCount(0);
      await page.keyboard.press('b');
      await expect(toasts.last()).toBeVisible();
      await check('closed');
    });

    test('reputation: no "Asking around…" flash, inside the screen, a hostile start explained', async ({
      page,
    }) => {
      await newPlayer(page, size, 'rep');
      await dismissDailyPopup(page);
      // record whether the placeholder ever shows from the key press on
      await page.evaluate(() => {
        const w = window as unknown as { __askedAround?: boolean };
        w.__askedAround = false;
        new MutationObserver(() => {
          if (document.body.textContent?.includes('Asking around')) w.__askedAround = true;
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await page.getByTestId('game-canvas').focus();
      await page.keyboard.press('r');
      const panel = page.getByTestId('reputation-panel');
      await expect(panel.getByTestId('faction-row').first()).toBeVisible();
      expect(
        await page.evaluate(() => (window as unknown as { __askedAround?: boolean }).__askedAround),
      ).toBe(false);
      // the whole window is on screen and clear of the ability and XP bars
      const box = (await panel.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      for (const id of ['hud-xp', 'ability-bar']) {
        const bar = await page.getByTestId(id).boundingBox();
        if (bar) expect(intersects(box, bar), `reputation over ${id}`).toBe(false);
      }
      // its body scrolls instead of running off the screen
      const body = panel.locator('.gwin__body');
      const scroll = await body.evaluate((el) => ({
        overflow: getComputedStyle(el).overflowY,
        fits: el.getBoundingClientRect().bottom <= window.innerHeight,
      }));
      expect(scroll).toEqual({ overflow: 'auto', fits: true });
      // −5,000 with the Scavengers from the start, and why
      const scav = panel.locator('[data-testid=faction-row][data-faction-id=scavengers]');
      await expect(scav).toHaveAttribute('data-standing', '-5000');
      await scav.scrollIntoViewIfNeeded();
      await expect(scav.getByTestId('faction-why')).toContainText('Everyone starts at −5,000');
      await shot(page, `${size.name}-reputation`);
    });
  });
}
