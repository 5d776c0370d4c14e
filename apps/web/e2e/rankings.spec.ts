// The rankings window (U) in game. A new player in Watson finds the hotkey on the
// help card and the window button, opens the window with U: it opens on the level
// board (every board of the registry a tab), its top list, and the player itself in
// "around me" with its row lit — a brand-new character reaches the boards through the
// outbox a moment after it is created, so the spec reads again (↻) until it shows.
// The class filter (its own class keeps it in, another class says why it is not
// there) and the public-page link follow the board and the filter; another character
// board and a guild board (no class filter, the player in no guild) each say so.
// Screenshots at desktop and phone size.
import type { Page, TestInfo } from '@playwright/test';
import { LEADERBOARD_KEYS } from '@necp/shared';
import { expect, test } from './test';
import { cityPlayer } from './queue-helpers';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

test.use({ viewport: DESKTOP });

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

test('rankings: U opens the boards in game, you lit in "around me", tabs, filter and public links', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  const name = await cityPlayer(page, 'Rk', 'netrunner');

  // the help card and the action bar name the hotkey
  await expect(page.getByTestId('hud-help')).toContainText('U rankings');
  await expect(page.getByTestId('hud-rankings')).toHaveAttribute('title', 'Rankings (U)');
  // one more window button: the row still clears the centred ability bar
  const bar = (await page.getByRole('navigation', { name: 'Windows' }).boundingBox())!;
  const abilities = (await page.getByTestId('ability-bar').boundingBox())!;
  expect(bar.x).toBeGreaterThan(abilities.x + abilities.width);

  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('u');
  const panel = page.getByTestId('rankings-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('hud-rankings')).toHaveAttribute('aria-pressed', 'true');

  // a tab per board of the registry; it opens on the level board
  for (const k of LEADERBOARD_KEYS)
    await expect(panel.getByTestId(`rankings-tab-${k}`)).toBeVisible();
  await expect(panel.getByTestId('rankings-tab-level')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('rankings-board')).toHaveAttribute('data-board', 'level');

  // the top list: ranked from 1, names linked to the public profiles in a new tab
  const top = panel.getByTestId('rankings-top');
  await expect(top).toHaveAttribute('data-board', 'level');
  const first = top.getByTestId('rankings-row').first();
  await expect(first).toHaveAttribute('data-rank', '1');
  const firstName = (await first.getAttribute('data-name'))!;
  const firstLink = first.getByTestId('rankings-row-link');
  await expect(firstLink).toHaveAttribute('href', `/players/${encodeURIComponent(firstName)}`);
  await expect(firstLink).toHaveAttribute('target', '_blank');
  expect(await top.getByTestId('rankings-row').count()).toBeLessThanOrEqual(10);

  // around me: the new character, lit (the board hears of it a moment after its creation)
  const mine = panel
    .getByTestId('rankings-around')
    .locator(`[data-testid=rankings-row][data-name="${name}"]`);
  await expect(async () => {
    await panel.getByTestId('rankings-refresh').click();
    await expect(mine).toHaveAttribute('data-me', 'true', { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await expect(mine).toHaveClass(/is-me/);
  await expect(mine).toHaveAttribute('aria-current', 'true');
  await expect(panel.getByTestId('rankings-around').locator('[data-me=true]')).toHaveCount(1);
  const myLink = mine.getByTestId('rankings-row-link');
  await expect(myLink).toHaveAttribute('href', `/players/${encodeURIComponent(name)}`);
  await expect(myLink).toHaveAttribute('target', '_blank');
  await expect(myLink).toHaveAttribute('rel', /noopener/);
  await expect(panel.getByTestId('rankings-standing')).toHaveText(/^#[\d,]+ of [\d,]+$/);

  // the public board page, in a new tab
  const link = panel.getByTestId('rankings-public-link');
  await expect(link).toHaveText('Open public page ↗');
  await expect(link).toHaveAttribute('href', '/leaderboards/level');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  await shot(page, info, 'rankings-desktop');

  // the class filter: its own class keeps it in, and the link carries the class
  const cls = panel.getByTestId('rankings-class');
  await cls.selectOption('netrunner');
  await expect(link).toHaveAttribute('href', '/leaderboards/level?class=netrunner');
  await expect(mine).toHaveAttribute('data-me', 'true', { timeout: 15_000 });
  // another class: not on that list, and the window says why
  await cls.selectOption('techie');
  await expect(link).toHaveAttribute('href', '/leaderboards/level?class=techie');
  await expect(panel.getByTestId('rankings-unranked')).toHaveText(
    'You play Netrunner: this list shows Techie runners only.',
  );
  await cls.selectOption('');
  await expect(link).toHaveAttribute('href', '/leaderboards/level');
  await expect(mine).toHaveAttribute('data-me', 'true');

  // another character board: the arena's, where a new player has no match this season
  await panel.getByTestId('rankings-tab-arena-1v1').click();
  await expect(panel.getByTestId('rankings-tab-arena-1v1')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('rankings-board')).toHaveAttribute('data-board', 'arena-1v1');
  await expect(link).toHaveAttribute('href', '/leaderboards/arena-1v1');
  await expect(panel.getByTestId('rankings-unranked')).toHaveText(
    'You are not ranked on this board yet this season.',
  );

  // a guild board: no class filter, and the player is in no guild
  await panel.getByTestId('rankings-tab-guilds').click();
  await expect(panel.getByTestId('rankings-board')).toHaveAttribute('data-board', 'guilds');
  await expect(link).toHaveAttribute('href', '/leaderboards/guilds');
  await expect(panel.getByTestId('rankings-class')).toHaveCount(0);
  await expect(panel.getByTestId('rankings-unranked')).toHaveText(
    'You are in no guild: join one to see it ranked here.',
  );

  // a phone: the window is a sheet
  await page.setViewportSize(PHONE);
  await panel.getByTestId('rankings-tab-level').click();
  await expect(mine).toHaveAttribute('data-me', 'true', { timeout: 15_000 });
  await shot(page, info, 'rankings-phone');
  await page.setViewportSize(DESKTOP);

  // U closes it
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('u');
  await expect(panel).toHaveCount(0);
});
