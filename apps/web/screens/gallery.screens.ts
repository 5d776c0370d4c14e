// The screenshot gallery (issue 27): the game as a player sees it, at desktop and phone
// size, written to docs/screenshots/ by `pnpm screens` (with the landing page's
// pictures; see README.md here) — never by hand. Not part of `pnpm test`.
import type { Browser, Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { grantItem } from '@necp/game';
import { expect, test } from '../e2e/test';
import { state, tabTo } from '../e2e/combat-helpers';
import { cityPlayer, formParty, queueOneVsOne, say } from '../e2e/queue-helpers';
import { DESKTOP, PHONE, hero, inContext, shot } from './gallery-kit';

const DISTRICTS = [
  {
    file: 'watson',
    zoneId: 'watson',
    at: { x: 262, y: 266 },
    cls: 'solo',
    origin: 'streetkid',
    weapon: 'rifle_copperhead',
  },
  {
    file: 'westbrook',
    zoneId: 'westbrook',
    at: { x: 390, y: 690 },
    cls: 'netrunner',
    origin: 'corpo',
    weapon: 'pistol_lexington',
  },
  {
    file: 'city-center',
    zoneId: 'city-center',
    at: { x: 520, y: 520 },
    cls: 'techie',
    origin: 'nomad',
    weapon: 'shotgun_carnage',
  },
] as const;

for (const d of DISTRICTS) {
  test(`gallery: ${d.file}, desktop`, async ({ browser }) => {
    await inContext(browser, DESKTOP, async (page) => {
      await hero(page, 'Gal', d);
      await shot(page, `${d.file}-desktop`);
    });
  });
}

for (const d of DISTRICTS) {
  test(`gallery: ${d.file}, phone`, async ({ browser }) => {
    await inContext(browser, PHONE, async (page) => {
      await hero(page, 'Pho', d);
      await shot(page, `${d.file}-phone`);
    });
  });
}

/** Targets the nearest living NPC of `templateId` on screen and fires `keys` (abilities). */
async function engage(page: Page, templateId: string, keys = ['1', '2', '1']) {
  await expect
    .poll(
      async () =>
        (await state(page)).entities.some(
          (e) => e.templateId === templateId && e.inView && !e.dead,
        ),
      {
        timeout: 20_000,
      },
    )
    .toBe(true);
  const s = await state(page);
  const foe = s.entities
    .filter((e) => e.templateId === templateId && e.inView && !e.dead)
    .sort(
      (a, b) =>
        Math.hypot(a.x - s.self!.x, a.y - s.self!.y) - Math.hypot(b.x - s.self!.x, b.y - s.self!.y),
    )[0]!;
  await tabTo(page, foe.eid);
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(450);
  }
}

test('gallery: a boss, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, DESKTOP, async (page) => {
    await hero(page, 'Bos', {
      origin: 'nomad',
      cls: 'solo',
      weapon: 'rifle_ajax',
      // across the yard from the boss: the shot shows it charging, not on top of the hero
      at: { x: 466, y: 450 },
      level: 30,
    });
    await engage(page, 'cyberpsycho_kabuki', ['1']);
    await shot(page, 'boss-desktop', 300);
  });
});

test('gallery: a party fight, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await browser.newContext({ ...DESKTOP, reducedMotion: 'no-preference' });
  const b = await browser.newContext({ ...DESKTOP, reducedMotion: 'no-preference' });
  try {
    const [pa, pb] = [await a.newPage(), await b.newPage()];
    const lead = await hero(pa, 'Lea', {
      origin: 'streetkid',
      cls: 'solo',
      weapon: 'smg_saratoga',
      at: { x: 272, y: 268 },
    });
    const mate = await hero(pb, 'Mat', {
      origin: 'corpo',
      cls: 'netrunner',
      weapon: 'pistol_lexington',
      at: { x: 270, y: 271 },
    });
    await formParty(pa, pb, lead, mate);
    await Promise.all([engage(pa, 'tyger_claws_punk'), engage(pb, 'tyger_claws_punk')]);
    await shot(pa, 'party-fight-desktop');
  } finally {
    await a.close();
    await b.close();
  }
});

test('gallery: the HUD windows, desktop', async ({ browser }) => {
  await inContext(browser, DESKTOP, async (page) => {
    await hero(page, 'Win', DISTRICTS[0]);
    await page.getByTestId('game-canvas').focus();
    await page.keyboard.press('i');
    await expect(page.getByTestId('inventory-panel')).toBeVisible();
    await page.keyboard.press('c');
    await expect(page.getByTestId('character-sheet')).toBeVisible();
    await shot(page, 'hud-windows-desktop');
  });
});

test('gallery: the arena, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await browser.newContext({ ...DESKTOP, reducedMotion: 'no-preference' });
  const b = await browser.newContext({ ...DESKTOP, reducedMotion: 'no-preference' });
  try {
    const [pa, pb] = [await a.newPage(), await b.newPage()];
    await cityPlayer(pa, 'Are', 'solo');
    await cityPlayer(pb, 'Nas', 'netrunner');
    await queueOneVsOne(pa);
    await queueOneVsOne(pb);
    for (const p of [pa, pb]) {
      await expect(p.getByTestId('ready-check')).toBeVisible({ timeout: 20_000 });
      await p.getByTestId('ready-check-accept').click();
    }
    for (const p of [pa, pb])
      await expect(p.getByTestId('arena-scoreboard')).toBeVisible({ timeout: 30_000 });
    // the gates open, the finder window closed (its own × : it stays open through the
    // transfer): the pit as the fight starts
    await expect(pa.getByTestId('arena-scoreboard')).toHaveAttribute('data-phase', 'fighting', {
      timeout: 20_000,
    });
    const finder = pa.getByTestId('queue-window');
    if (await finder.isVisible()) await finder.locator('.gwin__close').click();
    await expect(finder).toHaveCount(0);
    await shot(pa, 'arena-desktop');
  } finally {
    await a.close();
    await b.close();
  }
});

/** Kira offers stims and a jacket, Jun 420 eddies: the shot is Kira's (desktop) or Jun's (phone). */
async function tradeShot(browser: Browser, phone: boolean) {
  const contexts = await Promise.all(
    [DESKTOP, phone ? PHONE : DESKTOP].map((o) =>
      browser.newContext({ ...o, reducedMotion: 'no-preference' }),
    ),
  );
  try {
    const [pa, pb] = await Promise.all(contexts.map((c) => c.newPage()));
    const kira = await hero(pa!, 'Kira', {
      origin: 'corpo',
      cls: 'netrunner',
      weapon: 'pistol_unity',
      at: { x: 262, y: 268 },
      level: 12,
    });
    const jun = await hero(pb!, 'Jun', { origin: 'nomad', cls: 'solo', at: { x: 265, y: 268 } });
    const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
    try {
      const c = await db.character.findFirstOrThrow({ where: { name: kira } });
      for (const [templateId, quantity] of [
        ['stim_basic', 5],
        ['jacket_kevlar', 1],
      ] as const)
        await grantItem({ db }, { characterId: c.id, templateId, quantity, reason: 'admin' });
      await db.character.update({
        where: { nameLower: jun.toLowerCase() },
        data: { eddies: 420 },
      });
    } finally {
      await db.$disconnect();
    }
    await pa!.getByTestId('game-canvas').focus();
    await say(pa!, `/trade ${jun}`);
    await pb!.locator('[data-testid=trade-request]').getByTestId('trade-request-accept').click();
    await expect(pa!.getByTestId('trade-window')).toContainText('Trade with');
    for (const t of ['stim_basic', 'jacket_kevlar'])
      await pa!.locator(`[data-testid=trade-bag-item][data-template=${t}]`).click();
    await pb!.getByTestId('trade-eddies-input').fill('420');
    await pb!.getByTestId('trade-eddies-set').click();
    await expect(pa!.getByTestId('trade-theirs-eddies')).toHaveText('¥ 420');
    await expect(pb!.getByTestId('trade-theirs').getByTestId('trade-item')).toHaveCount(2);
    await shot(phone ? pb! : pa!, phone ? 'trade-phone' : 'trade-desktop', 800);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

test('gallery: a trade, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  await tradeShot(browser, false);
});

test('gallery: a trade, phone', async ({ browser }) => {
  test.setTimeout(120_000);
  await tradeShot(browser, true);
});
