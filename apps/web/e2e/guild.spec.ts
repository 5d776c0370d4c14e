// Guilds in the browser. A (given eddies for the fee) founds a guild in the guild
// window (G), invites B by name; B sees the invitation on the action bar, accepts it
// in its window; both see each other in the roster (A's live, through the sim's
// guild:update); A deposits and the bank log shows it. On the Ranks tab A renames
// B's rank and lets it invite and withdraw up to a daily limit; the change holds
// after reopening, and B (reading the ranks, not editing them) may invite now. Then
// the public page /guilds/<tag>, signed out: both members with their ranks (B's
// renamed), served from Next's cache with a hash CSP naming exactly its inline scripts
// (no violation, the header's scripts run), and an unknown tag is a 404. Screenshots
// at desktop and phone size.
import { createHash } from 'node:crypto';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { createDb } from '@necp/db';
import { uniqTag } from '@necp/db/testing';
import { recordCurrency } from '@necp/game';
import { GUILD_CREATE_FEE, GUILD_PERMISSIONS } from '@necp/shared';
import { expect, test } from './test';
import { dismissDailyPopup, uid, newPlayerInCity } from './helpers';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const toast = (page: Page, text: string) =>
  page.getByTestId('toast').filter({ hasText: text }).last();

const memberRow = (page: Page, name: string) =>
  page.locator(`[data-testid=guild-member][data-name="${name}"]`);

/** A rank's row on the Ranks tab, by position (0: the leader's; its name may change). */
const rankRow = (panel: Locator, position: number) =>
  panel.locator(`[data-testid=guild-rank][data-position="${position}"]`);

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** Test-only setup: eddies for the fee, from the ledgered `admin` source, straight in the e2e database. */
async function giveEddies(characterId: string, delta: number) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db.$transaction((tx) => recordCurrency(tx, { reason: 'admin', characterId, delta }));
  } finally {
    await db.$disconnect();
  }
}

test('a guild: founded, an invitation accepted, the roster, a deposit, and its public page', async ({
  browser,
}, info) => {
  const id = uid();
  const a = { user: `guilda${id}`, char: `Boss${id}` };
  const b = { user: `guildb${id}`, char: `Kid${id}` };
  const guild = { name: `Neon Owls ${id}`, tag: uniqTag() };
  const ctxA = await browser.newContext({ viewport: DESKTOP });
  const ctxB = await browser.newContext({ viewport: DESKTOP });
  const pa = await ctxA.newPage();
  const pb = await ctxB.newPage();
  await Promise.all([
    newPlayerInCity(pa, a.user, a.char, 'corpo', 'solo', {
      setUp: (characterId) => giveEddies(characterId, 1_500),
    }),
    newPlayerInCity(pb, b.user, b.char, 'nomad', 'netrunner'),
  ]);
  await Promise.all([dismissDailyPopup(pa), dismissDailyPopup(pb)]);

  // A: G opens the window — in no guild: the founding form with the fee
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('g');
  const panelA = pa.getByTestId('guild-panel');
  await expect(panelA.getByTestId('guild-create-fee')).toContainText(
    `¥${GUILD_CREATE_FEE.toLocaleString('en-US')}`,
  );
  // a malformed tag is a field error, nothing is sent
  await panelA.getByTestId('guild-create-name').fill(guild.name);
  await panelA.getByTestId('guild-create-tag').fill('X1');
  await panelA.getByTestId('guild-create-submit').click();
  await expect(panelA.getByTestId('guild-create-tag-error')).toContainText('letters');
  await shot(pa, info, 'guild-create-desktop');
  await panelA.getByTestId('guild-create-tag').fill(guild.tag);
  await panelA.getByTestId('guild-create-submit').click();
  await expect(toast(pa, `You founded [${guild.tag}] ${guild.name}.`)).toBeVisible();
  await expect(panelA.getByTestId('guild-title')).toHaveText(`[${guild.tag}] ${guild.name}`);
  await expect(panelA.getByTestId('guild-member-count')).toHaveText('1 member');
  await expect(memberRow(pa, a.char)).toHaveAttribute('data-rank', 'Leader');
  await expect(panelA.getByTestId('guild-public-link')).toHaveAttribute(
    'href',
    `/guilds/${guild.tag}`,
  );

  // A invites B by name (Enter)
  const invite = panelA.getByTestId('guild-invite-input');
  await invite.fill(b.char);
  await invite.press('Enter');
  await expect(toast(pa, `Guild invitation sent to ${b.char}.`)).toBeVisible();

  // B: the invitation is pushed (guild:invited): a badge on the action bar; the window accepts it
  await expect(pb.getByTestId('hud-guild-invites')).toHaveText('1');
  await pb.getByTestId('hud-guild').click();
  const panelB = pb.getByTestId('guild-panel');
  const row = panelB.locator(`[data-testid=guild-invite-row][data-tag=${guild.tag}]`);
  await expect(row).toContainText(`from ${a.char}`);
  await row.getByTestId('guild-invite-accept').click();
  await expect(toast(pb, `You joined [${guild.tag}] ${guild.name}.`)).toBeVisible();
  await expect(panelB.getByTestId('guild-title')).toHaveText(`[${guild.tag}] ${guild.name}`);
  await expect(memberRow(pb, a.char)).toHaveAttribute('data-rank', 'Leader');
  await expect(memberRow(pb, b.char)).toHaveAttribute('data-rank', 'Recruit');
  await expect(memberRow(pb, a.char)).toHaveAttribute('data-status', 'online');
  // a Recruit: no invite box, no actions on the leader, Leave instead of Disband
  await expect(panelB.getByTestId('guild-invite-input')).toHaveCount(0);
  await expect(panelB.getByTestId('guild-member-menu')).toHaveCount(0);
  await expect(panelB.getByTestId('guild-leave')).toBeVisible();

  // A: the roster changed under an open window — guild:update makes it read again
  await expect(memberRow(pa, b.char)).toHaveAttribute('data-rank', 'Recruit');
  await expect(panelA.getByTestId('guild-member-count')).toHaveText('2 members');
  // the leader's ⋯ on B: promote, make leader, remove (demote: already the lowest)
  await memberRow(pa, b.char).getByTestId('guild-member-menu').click();
  const acts = memberRow(pa, b.char).getByTestId('guild-member-actions');
  await expect(acts.getByRole('button')).toHaveText(['Promote', 'Make leader', 'Remove']);
  await shot(pa, info, 'guild-desktop');

  // A deposits on the Bank tab; the balance and the log show it
  await panelA.getByTestId('guild-tab-bank').click();
  await expect(panelA.getByTestId('guild-bank-balance')).toHaveText('¥0');
  await expect(panelA.getByTestId('guild-withdraw-note')).toHaveText('no daily limit');
  await panelA.getByTestId('guild-deposit-input').fill('300');
  await panelA.getByTestId('guild-deposit').click();
  await expect(toast(pa, 'You deposited ¥300.')).toBeVisible();
  await expect(panelA.getByTestId('guild-bank-balance')).toHaveText('¥300');
  const line = panelA.getByTestId('guild-bank-log-line').first();
  await expect(line).toHaveAttribute('data-kind', 'deposit');
  await expect(line).toContainText(`${a.char} deposited ¥300`);
  await expect(line).toContainText('= ¥300');
  await shot(pa, info, 'guild-bank-desktop');

  // A: the Ranks tab — every rank highest first; the leader's own rank has every right, locked
  await panelA.getByTestId('guild-tab-ranks').click();
  await expect(panelA.getByTestId('guild-ranks')).toHaveAttribute('data-editable', 'true');
  await expect(panelA.getByTestId('guild-rank')).toHaveCount(4);
  const leaderRank = rankRow(panelA, 0);
  for (const p of GUILD_PERMISSIONS) {
    await expect(leaderRank.getByTestId(`guild-rank-${p}`)).toBeChecked();
    await expect(leaderRank.getByTestId(`guild-rank-${p}`)).toBeDisabled();
  }
  await expect(leaderRank.getByTestId('guild-rank-limit-text')).toHaveText('no limit');
  // B's rank (Recruit): a bad name is refused before sending; then renamed, may invite
  // and withdraw up to ¥500 a day
  const recruitA = rankRow(panelA, 3);
  const saveA = recruitA.getByTestId('guild-rank-save');
  await expect(saveA).toBeDisabled();
  await recruitA.getByTestId('guild-rank-name').fill('R!ookie');
  await saveA.click();
  await expect(recruitA.getByTestId('guild-rank-error')).toContainText('Rank name: Letters');
  await recruitA.getByTestId('guild-rank-name').fill('Rookie');
  await expect(recruitA.getByTestId('guild-rank-error')).toHaveCount(0);
  await recruitA.getByTestId('guild-rank-invite').check();
  await recruitA.getByTestId('guild-rank-withdraw').check();
  await recruitA.getByTestId('guild-rank-limit').fill('500');
  await shot(pa, info, 'guild-ranks-edit-desktop');
  await saveA.click();
  await expect(toast(pa, 'Rank Rookie saved.')).toBeVisible();
  await expect(recruitA).toHaveAttribute('data-name', 'Rookie');
  await expect(saveA).toBeDisabled();
  // closed and opened again: read from the server, as saved
  await panelA.getByRole('button', { name: 'Close guild' }).click();
  await expect(panelA).toHaveCount(0);
  await pa.getByTestId('hud-guild').click();
  await panelA.getByTestId('guild-tab-ranks').click();
  await expect(recruitA.getByTestId('guild-rank-name')).toHaveValue('Rookie');
  await expect(recruitA.getByTestId('guild-rank-invite')).toBeChecked();
  await expect(recruitA.getByTestId('guild-rank-withdraw')).toBeChecked();
  await expect(recruitA.getByTestId('guild-rank-kick')).not.toBeChecked();
  await expect(recruitA.getByTestId('guild-rank-limit')).toHaveValue('500');
  await shot(pa, info, 'guild-ranks-desktop');
  await pa.setViewportSize(PHONE);
  await shot(pa, info, 'guild-ranks-leader-phone');

  // B opens the window again: a Rookie now, who may invite; the Ranks tab is read-only
  await panelB.getByRole('button', { name: 'Close guild' }).click();
  await expect(panelB).toHaveCount(0);
  await pb.getByTestId('hud-guild').click();
  await expect(panelB.getByTestId('guild-my-rank')).toHaveText('Rookie');
  await expect(panelB.getByTestId('guild-invite-input')).toBeVisible();
  await panelB.getByTestId('guild-tab-ranks').click();
  await expect(panelB.getByTestId('guild-ranks')).toHaveAttribute('data-editable', 'false');
  await expect(panelB.getByTestId('guild-rank-save')).toHaveCount(0);
  await expect(panelB.getByTestId('guild-rank-name')).toHaveCount(0);
  const recruitB = rankRow(panelB, 3);
  await expect(recruitB.getByTestId('guild-rank-name-text')).toHaveText('Rookie');
  await expect(recruitB.getByTestId('guild-rank-invite')).toBeChecked();
  await expect(recruitB.getByTestId('guild-rank-invite')).toBeDisabled();
  await expect(recruitB.getByTestId('guild-rank-limit-text')).toHaveText('¥500');
  await shot(pb, info, 'guild-ranks-readonly-desktop');

  // B on a phone: the window is a full-width sheet
  await panelB.getByTestId('guild-tab-roster').click();
  await pb.setViewportSize(PHONE);
  const sheet = (await panelB.boundingBox())!;
  expect(sheet.x).toBe(0);
  expect(sheet.width).toBe(PHONE.width);
  await shot(pb, info, 'guild-phone');
  await panelB.getByTestId('guild-tab-ranks').click();
  await shot(pb, info, 'guild-ranks-phone');
  await Promise.all([ctxA.close(), ctxB.close()]);

  // the public page, signed out: rendered once, then served from the cache with a hash CSP
  const ctx = await browser.newContext({ viewport: DESKTOP });
  const page = await ctx.newPage();
  const path = `/guilds/${guild.tag}`;
  const first = await ctx.request.get(path);
  expect(first.status()).toBe(200);
  const second = await ctx.request.get(path);
  expect(second.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
  for (const res of [first, second]) {
    const csp = res.headers()['content-security-policy'] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(scriptSrc.join(' ')).not.toMatch(/nonce|unsafe|strict-dynamic/);
    const html = await res.text();
    expect(html).not.toContain('nonce=');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/\bsrc=/.test(m[1] ?? ''),
    );
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline)
      expect(scriptSrc).toContain(
        `'sha256-${createHash('sha256')
          .update(m[2] ?? '')
          .digest('base64')}'`,
      );
  }
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(path);
  const pub = page.getByTestId('guild-page');
  await expect(pub.getByTestId('guild-page-name')).toHaveText(guild.name);
  await expect(pub.getByTestId('guild-page-tag')).toHaveText(`[${guild.tag}]`);
  await expect(pub.getByTestId('guild-page-level')).toHaveText('1');
  await expect(
    pub.locator(`[data-testid=guild-page-member][data-name="${a.char}"]`),
  ).toHaveAttribute('data-rank', 'Leader');
  await expect(
    pub.locator(`[data-testid=guild-page-member][data-name="${b.char}"]`),
  ).toHaveAttribute('data-rank', 'Rookie');
  // B's "guild joined" achievement earned the guild renown this season: once credited
  // (an outbox event), the page is revalidated and shows it, linked to the renown board
  const renown = pub.getByTestId('guild-page-renown').locator('a');
  await expect
    .poll(
      async () => {
        await page.reload();
        return Number((await renown.getAttribute('data-value')) ?? 0);
      },
      { timeout: 75_000, intervals: [1_000, 3_000] },
    )
    .toBeGreaterThan(0);
  await expect(renown).toHaveAttribute('href', '/leaderboards/guild-renown');
  // the header's scripts ran under the policy: signed out, it offers to sign up
  await expect(page.getByRole('link', { name: 'Sign up' })).toBeVisible();
  await expect(page).toHaveTitle(`[${guild.tag}] ${guild.name} · NECP`);
  expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
    `[${guild.tag}] ${guild.name}`,
  );
  expect(violations).toEqual([]);
  await shot(page, info, 'guild-page-desktop');
  await page.setViewportSize(PHONE);
  await shot(page, info, 'guild-page-phone');

  // an unknown tag: a 404, with the same kind of policy
  const missing = await ctx.request.get('/guilds/QQQQQ');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-security-policy']).toContain("'sha256-");
  await ctx.close();
});
