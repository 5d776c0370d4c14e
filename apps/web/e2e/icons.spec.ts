// Item and ability icons at desktop size: Game Icons pictures (not letters), tinted by
// the item's rarity, in the bag, on the paper doll and on the ability bar.
import { expect, test } from './test';
import { createDb } from '@necp/db';
import { grantItem } from '@necp/game';
import { playingCharacterId, uid, newPlayerInCity } from './helpers';

test.use({ viewport: { width: 1280, height: 800 } });

test('items and abilities show real icons tinted by rarity', async ({ page }, info) => {
  const id = uid();
  const name = `Icon${id}`;
  await newPlayerInCity(page, `icons${id}`, name, 'streetkid', 'solo');
  // an epic katana in the bag, through the domain's own ledgered grant (test-only setup)
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await grantItem(
      { db },
      {
        characterId: playingCharacterId(page),
        templateId: 'katana_satori',
        quantity: 1,
        reason: 'admin',
      },
    );
  } finally {
    await db.$disconnect();
  }
  await page.reload();
  await expect(page.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
  const daily = page.getByTestId('daily-reward');
  await expect(page.getByTestId('hud-daily')).toHaveAttribute('data-state', /claimable|claimed/);
  if (await daily.isVisible())
    await daily.getByRole('button', { name: 'Close daily login' }).click();

  await page.getByTestId('hud-inventory').click();
  const bag = page.getByTestId('inventory-panel');
  const katana = bag.locator('[data-testid=bag-slot][data-template=katana_satori] .glyph');
  await expect(katana.locator('svg[data-icon=lightning-saber] path')).toHaveCount(1);
  // the icon is drawn in the rarity colour: epic purple, the worn pistol common grey
  await expect(katana).toHaveCSS('color', 'rgb(180, 92, 255)');
  const pistol = bag.locator('[data-template=pistol_unity] .glyph');
  await expect(pistol.locator('svg[data-icon=pistol-gun]')).toBeVisible();
  await expect(pistol).toHaveCSS('color', 'rgb(169, 177, 196)');
  // no two-letter placeholders left
  await expect(katana).toHaveText('');

  const slots = page.getByTestId('ability-slot');
  await expect(slots.first().locator('svg[data-icon]')).toBeVisible();
  expect(await slots.first().getAttribute('data-ability')).toBe('solo_attack');
  await expect(slots.first().locator('svg')).toHaveAttribute('data-icon', 'gunshot');

  const path = info.outputPath('desktop-icons.png');
  await page.screenshot({ path });
  await info.attach('desktop-icons', { path, contentType: 'image/png' });
});
