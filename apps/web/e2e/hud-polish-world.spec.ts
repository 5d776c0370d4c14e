// HUD polish (issue 10, player-facing defects): the world, each at desktop (1280×800)
// and phone (390×844) size with screenshots in test-results/hud-polish/ — name plates
// never overlap (own, contacts, fighters, loot labels), being hurt / low / dead is
// impossible to miss and Esc keeps the Respawn button, the metro prompt shows on the
// drawn ring (and the server rides from there). The windows' side is
// hud-polish-windows.spec.ts.
import { expect, test } from './test';
import { METRO_RANGE, contactById, contactsInZone, zoneById } from '@necp/shared';
import { state } from './combat-helpers';
import { dismissDailyPopup, hold, onTop, onTopWhen, walkTo } from './helpers';
import { SIZES, grantItems, intersects, newPlayer, shot } from './hud-polish-kit';

const watson = zoneById('watson')!;
const metro = watson.spawnPoints.find((p) => p.kind === 'metro_station')!;
const punks = watson.npcSpawns.find((s) => s.templateId === 'tyger_claws_punk')!;
const playerStart = watson.spawnPoints.find((p) => p.kind === 'player_start')!;

type PlateBox = { key: string; x0: number; y0: number; x1: number; y1: number };

function expectNoPlateOverlaps(plates: PlateBox[]) {
  for (const a of plates)
    for (const b of plates)
      if (a !== b)
        expect(
          intersects(
            { x: a.x0, y: a.y0, width: a.x1 - a.x0, height: a.y1 - a.y0 },
            { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 },
          ),
          `${a.key} overlaps ${b.key}`,
        ).toBe(false);
}

const nearest = <T extends { x: number; y: number }>(list: T[], to: { x: number; y: number }) => {
  const out = [...list].sort(
    (a, b) => Math.hypot(a.x - to.x, a.y - to.y) - Math.hypot(b.x - to.x, b.y - to.y),
  )[0];
  expect(out, 'one near').toBeTruthy();
  return out!;
};

for (const size of SIZES) {
  test.describe(`HUD polish at ${size.name} size (${size.width}×${size.height})`, () => {
    // @plaza: dies to the plaza's pack, which combat.spec hunts (playwright.config.ts)
    test(
      'hurt, low on health and dead while browsing the bag: impossible to miss; Esc keeps Respawn',
      {
        tag: '@plaza',
      },
      async ({ page }) => {
        test.setTimeout(240_000);
        // already hurt (40 %): the first hit still flashes, the low-health warning and
        // death come without half a minute of being worn down
        await newPlayer(page, size, 'hurt', { health: 0.4 });
        await dismissDailyPopup(page);
        // the bag open, then into the middle of the Tyger Claws' plaza: hurt while browsing it
        await page.getByTestId('game-canvas').focus();
        await page.keyboard.press('i');
        await expect(page.getByTestId('inventory-panel')).toBeVisible();
        // the own health bar is never under a window: looked at as the first hit flashes,
        // then as health runs low — each in one frame, watched from before the walk (on a
        // loaded machine the pack hits as we arrive and kills within seconds)
        const health = '[data-testid=hud-health]';
        const hit = '[data-testid=hurt-flash]:not([data-hits="0"])';
        const low = ['[data-testid=low-health-alert]', '[data-testid=low-health-vignette]'];
        const hurtLook = onTopWhen(page, health, [hit], 150_000).catch((e: Error) => e);
        const lowLook = onTopWhen(page, health, low, 150_000).catch((e: Error) => e);
        await walkTo(page, punks.x, punks.y, 2.5);
        expect(await hurtLook).toBe(true);
        await shot(page, `${size.name}-hurt-flash`);
        expect(await lowLook).toBe(true);
        await shot(page, `${size.name}-low-health`);
        await expect(page.getByTestId('death-screen')).toBeVisible({ timeout: 90_000 });
        // the inventory is still open underneath: the death screen covers it
        await expect(page.getByTestId('inventory-panel')).toBeVisible();
        expect(await onTop(page, '[data-testid=respawn]')).toBe(true);
        await shot(page, `${size.name}-dead-with-bag-open`);
        // Esc does not bury the Respawn button under the game menu
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('escape-menu')).toHaveCount(0);
        expect(await onTop(page, '[data-testid=respawn]')).toBe(true);
        await shot(page, `${size.name}-dead-after-esc`);
        const respawn = page.getByTestId('respawn');
        await expect(respawn).toBeEnabled({ timeout: 30_000 });
        await respawn.click();
        await expect(page.getByTestId('death-screen')).toHaveCount(0, { timeout: 15_000 });
        // alive again, Esc opens the menu as before (after closing the bag and the target)
        await page.getByTestId('game-canvas').focus();
        const menu = page.getByTestId('escape-menu');
        for (let i = 0; i < 4 && !(await menu.isVisible()); i++)
          await page.keyboard.press('Escape');
        await expect(menu).toBeVisible();
      },
    );

    test('the metro prompt shows on the drawn ring, and the ride starts from there', async ({
      page,
    }) => {
      // north of the station, outside the ring: no prompt
      const outside = { x: metro.x, y: metro.y - METRO_RANGE - 2.5 };
      await newPlayer(page, size, 'metro', { at: outside });
      await dismissDailyPopup(page);
      await walkTo(page, outside.x, outside.y, 0.6);
      await expect(page.getByTestId('hint-metro')).toHaveCount(0);
      // short taps until the own (predicted, unrounded) position is on the ring, farther
      // out than the old 3.5 m prompt distance: step back when a tap went too far
      const from = async () => {
        const me = (await state(page)).self!;
        return Math.hypot(me.x - metro.x, me.y - metro.y);
      };
      let d = await from();
      for (let i = 0; i < 60 && !(d > 3.6 && d <= METRO_RANGE - 0.05); i++) {
        await hold(page, d > METRO_RANGE - 0.05 ? 's' : 'w', 25);
        await page.waitForTimeout(200);
        d = await from();
      }
      expect(d).toBeLessThanOrEqual(METRO_RANGE);
      expect(d).toBeGreaterThan(3.5);
      await expect(page.getByTestId('hint-metro')).toBeVisible();
      await shot(page, `${size.name}-metro-ring`);
      // the server agrees: ride from here
      await page.keyboard.press('t');
      await expect(page.getByTestId('travel-window')).toBeVisible();
      expect(await from()).toBeGreaterThan(3.5);
      await page
        .locator('[data-testid=travel-destination][data-zone-id=westbrook]')
        .getByTestId('travel-ride')
        .click();
      await expect
        .poll(async () => (await state(page)).zoneId, { timeout: 20_000 })
        .toBe('westbrook');
    });

    test('name plates never overlap: own, contacts, fighters', async ({ page }) => {
      // beside a contact no spec sends players to (Regina, the welcome quest's giver,
      // gathers every spec's newcomers, and other players' plates rightly come before a
      // contact's: PLATE_PRIORITY); each size its own, as the other size's player may
      // still stand there (a closed tab waits out the reconnect window in the world)
      const quiet = size.name === 'phone' ? 'jun' : 'vik';
      const by = contactById(quiet)!;
      await newPlayer(page, size, 'plate', { at: { x: by.x + 4, y: by.y + 3 } });
      await dismissDailyPopup(page);
      // onto the contact: the own plate would cover theirs
      await expect
        .poll(async () => (await state(page)).contacts.some((c) => c.contactId === quiet))
        .toBe(true);
      const contact = (await state(page)).contacts.find((c) => c.contactId === quiet)!;
      await walkTo(page, contact.x, contact.y + 0.8, 0.6);
      await page.waitForTimeout(300);
      const s = await state(page);
      expect(s.plates?.some((p) => p.key === 'self')).toBe(true);
      const plates = s.plates ?? [];
      expectNoPlateOverlaps(plates);
      // the contact's plate is still there (moved up), not dropped
      expect(plates.some((p) => p.key === `c${contact.eid}`)).toBe(true);
      await shot(page, `${size.name}-plates-contact`);
    });

    test('loot labels are laid out with the name plates: none overlaps another', async ({
      page,
    }) => {
      // the default 90 s: 60 s (set against the stuck item menu, fixed below) was less than
      // signing up and entering the city take on a loaded 2-core machine
      // beside the contact nearest the start, so loot, own and contact plates all want
      // one spot; with a few items in the bag. Test-only setup: a new character's kit is
      // all worn, so the bag gets them from the domain's own grant (a ledgered `admin`
      // source) straight against the e2e database — no production endpoint involved
      const contact = nearest(contactsInZone('watson'), playerStart);
      await newPlayer(page, size, 'drop', { at: { x: contact.x, y: contact.y + 1.5 } }, (id) =>
        grantItems(id, ['cap_street', 'gloves_fingerless', 'sneakers_neon']),
      );
      await dismissDailyPopup(page);
      // drops already lying here (an earlier run's) are not this test's
      const before = new Set((await state(page)).drops.map((d) => d.eid));
      const bag = page.getByTestId('inventory-panel');
      const items = bag.locator('[data-testid=bag-slot][data-item-id]:not([data-item-id=""])');
      await page.getByTestId('game-canvas').focus();
      await page.keyboard.press('i');
      await expect(items).toHaveCount(3);
      for (let i = 0; i < 3; i++) {
        // waited for by its id, not by counting: drops of earlier specs despawn (5 min) or
        // are picked up meanwhile, and one going as ours lands left the count where it was
        const known = new Set((await state(page)).drops.map((d) => d.eid));
        await items.first().click(); // a click opens the item's actions (right-click would wear it)
        await page.getByTestId('item-menu').locator('[data-action=drop]').click();
        // a stack asks how many: all of them
        if (await page.getByTestId('quantity-input').isVisible())
          await page.getByTestId('confirm-ok').click();
        await expect
          .poll(async () => (await state(page)).drops.some((d) => d.mine && !known.has(d.eid)))
          .toBe(true);
        // the drop is on the street before the bag's refetch takes the item out: a click
        // now could open the menu of the item just dropped, which closes as it vanishes
        await expect(items).toHaveCount(2 - i);
      }
      await page.keyboard.press('i');
      await expect(bag).toHaveCount(0);

      // the next frames lay the pile's labels out with the other plates
      const s1 = await state(page);
      // ours: a test beside us (the suite runs two at once) may drop at the same contact
      const drops = s1.drops.filter((d) => d.mine && !before.has(d.eid)).map((d) => `d${d.eid}`);
      expect(drops).toHaveLength(3);
      await expect
        .poll(async () => {
          const s = await state(page);
          const laid = new Set([...(s.plates ?? []).map((p) => p.key), ...(s.hiddenPlates ?? [])]);
          return drops.filter((k) => !laid.has(k));
        })
        .toEqual([]);
      const s = await state(page);
      const plates = s.plates ?? [];
      // a pile's labels hang under it, one below the other, not one over another
      expect(plates.filter((p) => p.key.startsWith('d')).length).toBeGreaterThanOrEqual(2);
      expect(plates.some((p) => p.key === 'self')).toBe(true);
      expectNoPlateOverlaps(plates);
      await shot(page, `${size.name}-plates-loot`);
    });
  });
}
