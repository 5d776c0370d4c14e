// Shared by the HUD polish specs (hud-polish-windows, hud-polish-world): the two screen
// sizes each test runs at, a new player at one of them, and the screenshot folder.
import type { Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { grantItem } from '@necp/game';
import { type StartAs, uid, newPlayerInCity } from './helpers';

export const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Test-only set-up: items into a character's bag by the domain's own (ledgered) grant. */
export async function grantItems(characterId: string, templateIds: string[]) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    for (const templateId of templateIds)
      await grantItem({ db }, { characterId, templateId, quantity: 1, reason: 'admin' });
  } finally {
    await db.$disconnect();
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/hud-polish/${name}.png` });

export async function newPlayer(
  page: Page,
  size: (typeof SIZES)[number],
  prefix: string,
  start?: StartAs,
  /** test-only set-up of the new character before it enters (its id) */
  setUp?: (characterId: string) => Promise<void>,
) {
  await page.setViewportSize({ width: size.width, height: size.height });
  const id = uid();
  const name = `${prefix[0]!.toUpperCase()}${prefix.slice(1)}${id}`;
  await newPlayerInCity(page, `${prefix}${id}`, name, 'streetkid', 'solo', { ...start, setUp });
  return name;
}
