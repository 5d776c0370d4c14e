// Quests, dialogue and reputation through the real client: a new character talks to
// Regina Jones, accepts "Street Cred", passes the Cool check (retried until it
// succeeds, every shown roll checked for consistency), introduces itself to Dex,
// turns the quest in and sees the XP, the eddies, the stims and +250 with the
// Fixer Network.
import { expect, test } from './test';
import type { Locator, Page } from '@playwright/test';
import { contactById, levelProgress, questById } from '@necp/shared';
import { dismissDailyPopup, uid, walkTo, newPlayerInCity } from './helpers';

const regina = contactById('regina')!;
const dex = contactById('dex')!;
const streetCred = questById('q_street_cred')!;

const eddies = async (page: Page) =>
  Number(await page.getByTestId('hud-eddies').getAttribute('data-value'));

/** Walks beside a contact (inside talk range) and opens the conversation with E. */
async function talkTo(
  page: Page,
  c: { name: string; x: number; y: number },
  dx: number,
  dy: number,
) {
  await walkTo(page, c.x + dx, c.y + dy, 0.8);
  await expect(page.getByTestId('interaction-hint')).toContainText(c.name);
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('e');
  const win = page.getByTestId('dialogue-window');
  await expect(win).toBeVisible();
  await expect(win.getByTestId('dialogue-contact')).toHaveText(c.name);
  // the server answered: the answers (or Goodbye) are on screen
  await expect(
    win.getByTestId('dialogue-choices').or(win.getByTestId('dialogue-goodbye')),
  ).toBeVisible();
  return win;
}

interface Roll {
  roll: number;
  modifier: number;
  total: number;
  difficulty: number;
  success: boolean;
}
async function readRoll(el: Locator): Promise<Roll> {
  const n = async (a: string) => Number(await el.getAttribute(`data-${a}`));
  return {
    roll: await n('roll'),
    modifier: await n('modifier'),
    total: await n('total'),
    difficulty: await n('difficulty'),
    success: (await el.getAttribute('data-success')) === 'true',
  };
}

test('talk to a fixer, pass a skill check, finish the objectives, turn in and get paid', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const id = uid();
  await newPlayerInCity(page, `quester${id}`, `Cred${id}`, 'streetkid', 'solo');
  await dismissDailyPopup(page);

  // Regina offers Street Cred ('!' over her head comes from the quest log's markers)
  let win = await talkTo(page, regina, 0, 2.5);
  const offer = win.locator(`[data-testid=quest-offer][data-quest-id=${streetCred.id}]`);
  await expect(offer).toBeVisible();
  if ((await offer.getByTestId('quest-accept').count()) === 0)
    await offer.getByRole('button').first().click();
  await expect(offer).toContainText('Introduce yourself to Dex');
  await offer.getByTestId('quest-accept').click();
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Quest accepted: Street Cred' }),
  ).toBeVisible();

  // the tracker lists it with both objectives open
  const tracked = page.locator(`[data-testid=tracker-quest][data-quest-id=${streetCred.id}]`);
  await expect(tracked).toBeVisible();
  const convince = tracked.locator('[data-testid=tracker-objective][data-objective-id=convince]');
  await expect(convince).toHaveAttribute('data-done', 'false');

  // the Cool check: shown with its odds, then rolled on the server; retried until it passes
  const prove = win.locator('[data-testid=dialogue-choice][data-choice-id=prove]');
  await expect(prove).toHaveAttribute('data-check', 'true');
  await expect(prove).toContainText(/\[Cool \d+ · [+−±]\d+ · \d+%\]/);
  const results = win.getByTestId('skill-check-result');
  // each result line is numbered: a new roll is a new number at the end
  // read without waiting (a line gone between a count and a read would be waited for)
  const lastSeq = () => results.evaluateAll((els) => els.at(-1)?.getAttribute('data-seq') ?? null);
  let passed = false;
  for (let attempt = 1; attempt <= 25 && !passed; attempt++) {
    if (!(await prove.isVisible())) {
      // after a failure: "Something else…" leads back to where the check is offered
      await win.locator('[data-testid=dialogue-choice][data-choice-id=back]').click();
      await expect(prove).toBeVisible();
    }
    const before = await lastSeq();
    await prove.click();
    await expect.poll(lastSeq).not.toBe(before);
    // every roll the window shows adds up, and its verdict follows the d20 rules
    for (const el of await results.all()) {
      const r = await readRoll(el);
      expect(r.roll).toBeGreaterThanOrEqual(1);
      expect(r.roll).toBeLessThanOrEqual(20);
      expect(r.total).toBe(r.roll + r.modifier);
      expect(r.success).toBe(r.roll === 20 || (r.roll !== 1 && r.total >= r.difficulty));
      await expect(el).toContainText(`vs DC ${r.difficulty}`);
      await expect(el).toContainText(r.success ? 'SUCCESS' : 'FAILURE');
    }
    passed = (await readRoll(results.last())).success;
  }
  expect(passed).toBe(true);
  await expect(convince).toHaveAttribute('data-done', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dialogue-window')).toHaveCount(0);

  // Dex, a few metres away: talking to him is the second objective; the quest is ready
  await talkTo(page, dex, -1.5, 2);
  await page.keyboard.press('Escape');
  await expect(tracked).toHaveAttribute('data-status', 'ready');
  await expect(tracked.getByTestId('tracker-return')).toHaveText(`Return to ${regina.name}`);
  await expect(page.getByTestId('hud-quests-ready')).toBeVisible();
  // the log agrees
  await page.keyboard.press('j');
  const log = page.getByTestId('quest-log');
  await expect(
    log.locator(`[data-testid=quest-log-entry][data-quest-id=${streetCred.id}]`),
  ).toHaveAttribute('data-status', 'ready');
  await page.keyboard.press('j');
  await expect(log).toHaveCount(0);

  // back to Regina: turn in, and see what it paid
  const eddiesBefore = await eddies(page);
  win = await talkTo(page, regina, 0, 2.5);
  const turnIn = win.locator(`[data-testid=quest-turnin][data-quest-id=${streetCred.id}]`);
  await expect(turnIn).toBeVisible();
  await turnIn.getByTestId('quest-complete').click();
  const result = win.getByTestId('turnin-result');
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('data-xp', String(streetCred.rewards.xp));
  await expect(result).toHaveAttribute('data-eddies', String(streetCred.rewards.eddies));
  await expect(
    result.locator('[data-testid=turnin-reputation][data-faction-id=fixers]'),
  ).toHaveAttribute('data-delta', '250');
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Quest complete: Street Cred' }),
  ).toBeVisible();
  await expect(tracked).toHaveCount(0);

  // XP bar and level, eddies on the HUD, the stims in the bag
  const expected = levelProgress(streetCred.rewards.xp);
  const xp = page.getByTestId('hud-xp');
  await expect(xp).toHaveAttribute('data-level', String(expected.level));
  await expect(xp).toHaveAttribute('data-value', String(expected.intoLevel));
  await expect(page.getByTestId('hud-level')).toHaveText(String(expected.level));
  await expect.poll(() => eddies(page)).toBe(eddiesBefore + streetCred.rewards.eddies);
  await page.keyboard.press('Escape');
  await page.keyboard.press('i');
  const stims = page
    .getByTestId('inventory-panel')
    .locator('[data-testid=bag-slot][data-template=stim_basic]');
  await expect(stims).toHaveAttribute('data-quantity', '2');
  await page.keyboard.press('i');

  // the reputation panel: Fixer Network +250, still Neutral
  await page.keyboard.press('r');
  const fixers = page
    .getByTestId('reputation-panel')
    .locator('[data-testid=faction-row][data-faction-id=fixers]');
  await expect(fixers).toHaveAttribute('data-standing', '250');
  await expect(fixers).toHaveAttribute('data-tier', 'neutral');
  await expect(fixers).toContainText('Neutral');

  // the quest log counts it as completed
  await page.keyboard.press('r');
  await page.keyboard.press('j');
  await expect(page.getByTestId('quests-completed')).toHaveAttribute('data-value', '1');
});
