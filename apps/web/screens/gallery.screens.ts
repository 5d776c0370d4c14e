// The screenshot gallery (issue 27): the game as a player sees it, at desktop and phone
// size, written to docs/screenshots/ by `pnpm screens` (with the landing page's
// pictures; see README.md here) — never by hand. Not part of `pnpm test`.
import { fileURLToPath } from 'node:url';
import { devices, type Browser, type Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { equipItem, grantItem } from '@necp/game';
import { test } from '../e2e/test';
import {
  createCharacterViaApi,
  dismissDailyPopup,
  enterCity,
  signUpViaApi,
  startAs,
  uid,
} from '../e2e/helpers';

const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const DESKTOP = { viewport: { width: 1400, height: 900 } };
// a phone's touch screen at twice its CSS pixels (a smaller file than the device's 3×)
const PHONE = {
  ...devices['iPhone 13'],
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
};

interface Hero {
  origin: 'streetkid' | 'nomad' | 'corpo';
  cls: 'solo' | 'netrunner' | 'techie' | 'medtech';
  weapon?: string;
  zoneId?: string;
  at: { x: number; y: number };
}

/** A new character placed where the shot is, its weapon in hand, in the game. */
async function hero(page: Page, tag: string, h: Hero): Promise<string> {
  const id = uid();
  const name = `${tag}${id}`;
  await signUpViaApi(page, `gal${tag.toLowerCase()}${id}`);
  const characterId = await createCharacterViaApi(page, name, h.origin, h.cls);
  await startAs(characterId, { at: h.at, ...(h.zoneId ? { zoneId: h.zoneId } : {}) });
  if (h.weapon) {
    const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
    try {
      // a district's level, so the weapon can be worn (its level requirement)
      const c = await db.character.update({ where: { id: characterId }, data: { level: 20 } });
      const [placed] = await grantItem(
        { db },
        { characterId, templateId: h.weapon, quantity: 1, reason: 'admin' },
      );
      await equipItem({ db }, { userId: c.userId, characterId, itemId: placed!.itemId });
    } finally {
      await db.$disconnect();
    }
  }
  await page.goto('/characters');
  await enterCity(page, name);
  await dismissDailyPopup(page, page.viewportSize()!.width < 500 ? 'tap' : 'click');
  return name;
}

async function shot(page: Page, file: string) {
  // a moment for the tiles ahead, the sprites and the HUD's first publish
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}${file}.jpg`, type: 'jpeg', quality: 82 });
}

async function inContext(browser: Browser, o: object, fn: (page: Page) => Promise<void>) {
  const ctx = await browser.newContext({ ...o, reducedMotion: 'no-preference' });
  try {
    await fn(await ctx.newPage());
  } finally {
    await ctx.close();
  }
}

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

test('gallery: watson, phone', async ({ browser }) => {
  await inContext(browser, PHONE, async (page) => {
    await hero(page, 'Pho', DISTRICTS[0]);
    await shot(page, 'watson-phone');
  });
});
