// What the gallery's shots share (gallery.screens.ts, exchange.screens.ts): the sizes,
// a new character placed where the shot is, and the shot itself.
import { fileURLToPath } from 'node:url';
import { devices, type Browser, type Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { equipItem, grantItem } from '@necp/game';
import {
  createCharacterViaApi,
  dismissDailyPopup,
  enterCity,
  signUpViaApi,
  startAs,
  uid,
} from '../e2e/helpers';

export const OUT = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
export const DESKTOP = { viewport: { width: 1400, height: 900 } };
// a phone's touch screen at twice its CSS pixels (a smaller file than the device's 3×)
export const PHONE = {
  ...devices['iPhone 13'],
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
};

export interface Hero {
  origin: 'streetkid' | 'nomad' | 'corpo';
  cls: 'solo' | 'netrunner' | 'techie' | 'medtech';
  weapon?: string;
  zoneId?: string;
  at: { x: number; y: number };
  level?: number;
}

/** A new character placed where the shot is, its weapon in hand, in the game. */
export async function hero(page: Page, tag: string, h: Hero): Promise<string> {
  const id = uid();
  const name = `${tag}${id}`;
  await signUpViaApi(page, `gal${tag.toLowerCase()}${id}`);
  const characterId = await createCharacterViaApi(page, name, h.origin, h.cls);
  await startAs(characterId, { at: h.at, ...(h.zoneId ? { zoneId: h.zoneId } : {}) });
  if (h.weapon) {
    const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
    try {
      // a district's level, so the weapon can be worn (its level requirement)
      await db.character.update({
        where: { id: characterId },
        data: { level: h.level ?? 20 },
      });
      const [placed] = await grantItem(
        { db },
        { characterId, templateId: h.weapon, quantity: 1, reason: 'admin' },
      );
      await equipItem({ db }, { characterId, itemId: placed!.itemId });
    } finally {
      await db.$disconnect();
    }
  }
  await page.goto('/characters');
  await enterCity(page, name);
  await dismissDailyPopup(page, page.viewportSize()!.width < 500 ? 'tap' : 'click');
  return name;
}

export async function shot(page: Page, file: string, settleMs = 1500) {
  // a moment for the tiles ahead, the sprites and the HUD's first publish
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: `${OUT}${file}.jpg`, type: 'jpeg', quality: 82 });
}

export async function inContext(browser: Browser, o: object, fn: (page: Page) => Promise<void>) {
  const ctx = await browser.newContext({ ...o, reducedMotion: 'no-preference' });
  try {
    await fn(await ctx.newPage());
  } finally {
    await ctx.close();
  }
}
