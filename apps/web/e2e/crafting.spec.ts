// Crafting and salvage in the browser (issue 28): a runner with materials from the
// street (precursors and medi-gel, in the bag as loot) walks up to Kabuki's workbench,
// opens it with V, picks the Basic Stim, sees what it takes and the odds, crafts it —
// the bar runs the cast time, then the stims are in the bag and the craft is recorded
// with its seed — and salvages a Kevlar jacket from the bag's item menu into materials.
// The ledger balances after.
import type { Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { checkInvariants, grantItem } from '@necp/game';
import { zoneById } from '@necp/shared';
import { expect, test } from './test';
import {
  createCharacterViaApi,
  dismissDailyPopup,
  signUpViaApi,
  startAs,
  uid,
  playAs,
} from './helpers';

const bench = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'crafting_station')!;

const stimsOf = async (db: ReturnType<typeof createDb>, characterId: string) =>
  (
    await db.item.aggregate({
      where: { characterId, templateId: 'stim_basic' },
      _sum: { quantity: true },
    })
  )._sum.quantity ?? 0;

async function crafter(page: Page) {
  const id = uid();
  const name = `Wrench${id}`;
  await signUpViaApi(page, `cr${id}`);
  const characterId = await createCharacterViaApi(page, name, 'nomad', 'techie');
  await startAs(characterId, { at: { x: bench.x + 1, y: bench.y + 1 } });
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    // what a few fights in Watson drop (loot), and a chemist of some practice (skill 15:
    // the Basic Stim cannot fail at it) — test setup against the e2e database
    for (const [templateId, quantity] of [
      ['chem_precursor', 4],
      ['medi_gel', 2],
      ['jacket_kevlar', 1],
    ] as const)
      await grantItem({ db }, { characterId, templateId, quantity, reason: 'loot' });
    await db.craftSkill.create({ data: { characterId, discipline: 'chemistry', skill: 15 } });
    const stims = await stimsOf(db, characterId);
    await playAs(page, characterId, name);
    await dismissDailyPopup(page);
    return { characterId, stims };
  } finally {
    await db.$disconnect();
  }
}

test('a runner crafts stims from looted materials and salvages a jacket', async ({ page }) => {
  test.setTimeout(90_000);
  const { characterId, stims } = await crafter(page);

  await expect(page.getByTestId('hint-crafting')).toBeVisible();
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('KeyV');
  const bench = page.getByTestId('crafting-window');
  await expect(bench).toBeVisible();
  await bench.getByTestId('craft-tab-chemistry').click();
  await bench.locator('[data-testid=recipe][data-recipe=ch_basic_stim]').click();
  const detail = bench.getByTestId('recipe-detail');
  await expect(detail.getByTestId('recipe-owned').first()).toHaveText('4/2');
  await expect(detail.getByTestId('recipe-chance')).toHaveText('100 %');
  await detail.getByTestId('recipe-craft').click();
  // the cast: materials held, the bar runs, then the server rolls it
  await expect(bench.getByTestId('craft-casting')).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: 'Crafted' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(bench.getByTestId('craft-casting')).toHaveCount(0);

  // salvage the jacket from the bag's item menu
  await page.keyboard.press('Escape');
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('KeyI');
  const jacket = page
    .getByTestId('inventory-panel')
    .locator('[data-testid=bag-slot][data-template=jacket_kevlar]');
  await jacket.click();
  await page.getByTestId('item-menu').locator('[data-action=salvage]').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Salvaged Kevlar' })).toBeVisible();
  await expect(jacket).toHaveCount(0);

  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const craft = await db.craft.findFirstOrThrow({ where: { characterId } });
    expect(craft).toMatchObject({ recipeId: 'ch_basic_stim', state: 'done', success: true });
    expect(craft.seed.length).toBeGreaterThan(0);
    // the recipe makes two
    expect(await stimsOf(db, characterId)).toBe(stims + 2);
    expect(await db.salvage.count({ where: { characterId } })).toBe(1);
    expect(await checkInvariants(db, { characterIds: [characterId] })).toEqual([]);
  } finally {
    await db.$disconnect();
  }
});
