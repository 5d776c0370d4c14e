// Moderation: the staff combat log. A player is refused; promoted to MODERATOR (test-only,
// straight in the e2e database) the same session gets in at once (the page and the API
// re-read the role), filters by a character's name and sees its fights with the right
// numbers, pages back with "Load older"; an unknown name says so; a shared link sends an
// anonymous visitor through sign-in and back to the same filtered view. The report
// queue: a reported message and a reported player, with their lines; Mute 1 h mutes the
// account and closes the report; No action closes the other; both show under Resolved.
import { expect, test } from './test';
import type { Page, TestInfo } from '@playwright/test';
import { createDb } from '@necp/db';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import {
  appendCombatLog,
  createLog,
  postChat,
  reportMessage,
  reportPlayer,
  seededRng,
  systemClock,
  type CombatLogRow,
  type GameDeps,
} from '@necp/game';
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

test('the report queue: a player’s report with its messages; a moderator mutes and closes it', async ({
  page,
}, info) => {
  const id = uid();
  const mod = `judge${id}`;
  await newAccountWithCharacter(page, mod, `Judge${id}`, 'streetkid', 'solo');
  await page.goto('/staff/reports');
  await expect(page.getByTestId('staff-forbidden')).toContainText('The report queue');

  // Test-only setup through the domain, against the e2e database: two players, a message,
  // a report of it and a report of the player (what the game's ⚑ and Report send), and
  // the moderator's promotion.
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  const deps: GameDeps = {
    db,
    clock: systemClock,
    rng: seededRng(1),
    log: createLog('e2e', 'silent'),
    config: { simTicketSecret: 'unused', simPublicUrl: 'unused' },
  };
  let targetUserId = '';
  try {
    const [reporter, target] = await Promise.all(
      [`Snitch${id}`, `Spammer${id}`].map(async (name) =>
        createTestCharacter(db, (await createTestUser(db)).id, { name }),
      ),
    );
    targetUserId = target!.userId;
    const posted = await postChat(
      deps,
      { userId: target!.userId, characterId: target!.id, name: target!.name, zoneId: 'watson' },
      { channel: 'district', text: 'cheap eddies at scam dot net' },
      { isOnline: async () => true },
    );
    await reportMessage(deps, { messageId: posted.message.id, reporterId: reporter!.id });
    await reportPlayer(deps, {
      reporterId: reporter!.id,
      name: target!.name,
      reason: 'spam',
      note: 'every minute',
    });
    await db.user.update({
      where: { usernameLower: mod.toLowerCase() },
      data: { role: 'MODERATOR' },
    });
  } finally {
    await db.$disconnect();
  }

  await page.reload();
  await expect(page.getByTestId('staff-reports-link')).toBeVisible();
  const cards = page.locator(`[data-testid=report-card][data-target="Spammer${id}"]`);
  await expect(cards).toHaveCount(2);
  const player = cards.and(page.locator('[data-kind=player]'));
  await expect(player).toContainText('Spam or advertising');
  await expect(player).toContainText('every minute');
  await expect(player.locator('li.is-flagged')).toContainText('cheap eddies at scam dot net');
  await shot(page, info, 'reports-desktop');

  await player.getByTestId('report-muted-1-h').click();
  await expect(player).toHaveCount(0);
  // the mute is real: the account is muted (the sims read it on every message)
  const check = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await expect.poll(() => check.chatMute.count({ where: { userId: targetUserId } })).toBe(1);
  } finally {
    await check.$disconnect();
  }
  await cards.getByTestId('report-no-action').click();
  await expect(cards).toHaveCount(0);
  await page.getByTestId('reports-tab-resolved').click();
  await expect(cards).toHaveCount(2);
  await expect(
    cards.and(page.locator('[data-kind=player]')).getByTestId('report-resolution'),
  ).toContainText('muted 1 h');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, info, 'reports-phone');
});

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}
