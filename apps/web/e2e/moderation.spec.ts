// Moderation: the staff combat log. A player is refused; promoted to MODERATOR (test-only,
// straight in the e2e database) the same session gets in at once (the page and the API
// re-read the role), filters by a character's name and sees its fights with the right
// numbers, pages back with "Load older"; an unknown name says so; a shared link sends an
// anonymous visitor through sign-in and back to the same filtered view.
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { appendCombatLog, type CombatLogRow } from '@necp/game';
import { abilityById, effectById } from '@necp/shared';
import { PASSWORD, newAccountWithCharacter, uid } from './helpers';

const rows = (page: Page) => page.getByTestId('combat-log-row');
/** the combat log's URL filtered by exactly this character */
const filtered = (name: string) => (u: URL) =>
  u.pathname === '/staff/combat-log' && u.searchParams.get('character') === name;

test('moderators read the combat log; players are refused', async ({ page, browser }) => {
  const id = uid();
  const user = `warden${id}`;
  const name = `Target${id}`;
  await newAccountWithCharacter(page, user, name, 'streetkid', 'solo');
  const characterId = await page
    .getByTestId('character-card')
    .filter({ hasText: name })
    .getAttribute('data-id');
  expect(characterId).toBeTruthy();
  await expect(page.getByTestId('staff-link')).toHaveCount(0);

  await page.goto('/staff/combat-log');
  await expect(page.getByTestId('staff-forbidden')).toContainText('moderators only');
  await expect(page.getByTestId('combat-log-screen')).toHaveCount(0);

  // Test-only setup through the domain, against the e2e database: promote the account and
  // log a fight — 50 old misses, then a crit, a bleed tick and the kill (newest).
  const base = Date.now() - 10 * 60_000;
  const npc = `npc:e2e${id}#1`;
  const pc = { kind: 'player', id: characterId!, name };
  const punk = { kind: 'npc', id: npc, name: 'Tyger Claws Punk' };
  const row = (
    at: number,
    src: typeof pc,
    dst: typeof pc,
    extra: Partial<CombatLogRow> & Pick<CombatLogRow, 'kind'>,
  ): CombatLogRow => ({
    at: new Date(at),
    zoneId: 'watson',
    sourceKind: src.kind,
    sourceId: src.id,
    sourceName: src.name,
    targetKind: dst.kind,
    targetId: dst.id,
    targetName: dst.name,
    ...extra,
  });
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db.user.update({
      where: { usernameLower: user.toLowerCase() },
      data: { role: 'MODERATOR' },
    });
    await appendCombatLog({ db }, [
      ...Array.from({ length: 50 }, (_, i) =>
        row(base + i, pc, punk, { kind: 'miss', abilityId: 'solo_power_shot', targetHealth: 60 }),
      ),
      row(base + 60_000, pc, punk, {
        kind: 'hit',
        abilityId: 'solo_power_shot',
        amount: 42,
        crit: true,
        damageType: 'physical',
        targetHealth: 18,
      }),
      row(base + 61_000, punk, pc, {
        kind: 'tick',
        abilityId: 'bleed',
        amount: 7,
        damageType: 'physical',
        targetHealth: 93,
      }),
      row(base + 62_000, pc, punk, { kind: 'death', targetHealth: 0 }),
    ]);
  } finally {
    await db.$disconnect();
  }

  // the session token still says PLAYER: the page asks the database, so a reload is enough
  await page.reload();
  await expect(page.getByTestId('combat-log-screen')).toBeVisible();
  const filters = page.getByTestId('combat-log-filters');
  await filters.getByLabel('Character').fill(name);
  await page.getByTestId('combat-log-apply').click();
  await page.waitForURL(filtered(name));

  await expect(rows(page)).toHaveCount(50);
  const [death, tick, hit] = [rows(page).nth(0), rows(page).nth(1), rows(page).nth(2)];
  await expect(death).toHaveAttribute('data-kind', 'death');
  await expect(death).toHaveAttribute('data-target-health', '0');
  await expect(tick).toHaveAttribute('data-kind', 'tick');
  await expect(tick).toHaveAttribute('data-source', 'Tyger Claws Punk');
  await expect(tick).toContainText(effectById('bleed')!.name);
  await expect(tick.getByTestId('combat-log-amount')).toHaveText('−7');
  await expect(tick).toHaveAttribute('data-target-health', '93');
  await expect(hit).toHaveAttribute('data-kind', 'hit');
  await expect(hit).toHaveAttribute('data-target', 'Tyger Claws Punk');
  await expect(hit).toContainText(abilityById('solo_power_shot')!.name);
  await expect(hit.getByTestId('combat-log-amount')).toHaveText('−42CRIT');
  await expect(hit).toHaveAttribute('data-crit', 'true');
  await expect(hit).toHaveAttribute('data-target-health', '18');
  await expect(hit).toContainText('physical');

  // older rows come a page at a time, through the cursor
  await page.getByTestId('combat-log-more').click();
  await expect(rows(page)).toHaveCount(53);
  await expect(page.getByTestId('combat-log-end')).toBeVisible();
  await expect(page.getByTestId('combat-log-more')).toHaveCount(0);
  await expect(rows(page).last()).toHaveAttribute('data-kind', 'miss');
  const summary = page.getByTestId('combat-log-summary');
  await expect(summary).toContainText('53 events');
  await expect(summary).toContainText('49 damage');
  await expect(summary).toContainText('1 crits');

  // the zone filter narrows it (Westbrook: nothing); an unknown name is a readable error
  await page.goto(`/staff/combat-log?character=${name}&zone=westbrook`);
  await expect(page.getByTestId('combat-log-empty')).toBeVisible();
  await filters.getByLabel('Character').fill(`Nobody${id}`);
  await page.getByTestId('combat-log-apply').click();
  await expect(page.getByTestId('combat-log-error')).toContainText('No character by that name');
  await expect(rows(page)).toHaveCount(0);

  // a shared link: signed out it goes through sign-in and back; the new token shows the staff link
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await other.goto(`/staff/combat-log?character=${name}`);
  await other.waitForURL((u) => u.pathname === '/signin' && u.searchParams.has('callbackUrl'));
  await other.getByLabel('Email').fill(`${user}@e2e.necp`);
  await other.getByLabel('Password').fill(PASSWORD);
  await other.getByRole('button', { name: /sign in/i }).click();
  await other.waitForURL(filtered(name));
  await expect(rows(other)).toHaveCount(50);
  await expect(rows(other).first()).toHaveAttribute('data-kind', 'death');
  await expect(other.getByTestId('staff-link')).toBeVisible();
  await ctx.close();
});
