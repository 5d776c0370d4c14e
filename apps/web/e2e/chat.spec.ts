// Two players in Watson. Chat: a district message, a whisper and its /r reply,
// refusals as red lines, the report flag; typing never walks; the window clears the
// HUD at desktop and phone size. Then friends: A asks B by name from the friends
// window (O), B accepts under Requests, both see each other online in Watson, Whisper
// fills the chat input; A invites B to a party from the list, B accepts on the card,
// both see each other's frame, party chat, A promotes B from the frame's menu; B
// leaving shows live on A's list and frame. Screenshots attached.
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { PRESENCE_LEAVE_GRACE_MS } from '@necp/shared';
import { dismissDailyPopup, ownPosition, uid, newPlayerInCity } from './helpers';

const DESKTOP = { width: 1280, height: 800 };

/** Enter puts the cursor in the chat input; Enter there sends. */
async function say(page: Page, line: string) {
  await page.keyboard.press('Enter');
  const input = page.getByTestId('chat-input');
  await expect(input).toBeFocused();
  await input.pressSequentially(line);
  await page.keyboard.press('Enter');
}

const lineWith = (page: Page, channel: string, text: string) =>
  page.locator(`[data-testid=chat-line][data-channel=${channel}]`, { hasText: text });

/**
 * The district badge and the ids of others' district lines, read in one go (one
 * render draws both). Other specs' new players share Watson and speak there (the
 * tutorial says hello), so the count is checked against the lines that came with
 * it, never against a fixed number (a CI run saw "2": a tutorial's hello).
 */
const districtUnread = (page: Page) =>
  page.evaluate(() => ({
    badge: Number(document.querySelector('[data-testid=chat-unread-district]')?.textContent ?? '0'),
    others: [
      ...document.querySelectorAll(
        '[data-testid=chat-line][data-channel=district][data-kind=other]',
      ),
    ].map((el) => el.getAttribute('data-id') ?? ''),
  }));

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The chat box must not cover any of these HUD pieces. */
async function expectClear(page: Page, selectors: string[]) {
  const chat = (await page.getByTestId('chat-window').boundingBox())!;
  for (const sel of selectors) {
    const box = await page.locator(sel).first().boundingBox();
    if (box) expect(overlaps(chat, box), `chat covers ${sel}`).toBe(false);
  }
}

const toast = (page: Page, text: string) =>
  page.getByTestId('toast').filter({ hasText: text }).last();

const friendRow = (page: Page, name: string) =>
  page.locator(`[data-testid=friend-row][data-name="${name}"]`);

test('two players chat (district, whisper, /r, refusals, report), then become friends and see each other come and go', async ({
  browser,
}, info) => {
  // two players, a friendship, a party, a report: one long story
  test.setTimeout(180_000);
  const id = uid();
  const a = { user: `chata${id}`, char: `Talker${id}` };
  const b = { user: `chatb${id}`, char: `Hearer${id}` };
  const ctxA = await browser.newContext({ viewport: DESKTOP });
  const ctxB = await browser.newContext({ viewport: DESKTOP });
  const pa = await ctxA.newPage();
  const pb = await ctxB.newPage();
  await Promise.all([
    newPlayerInCity(pa, a.user, a.char, 'streetkid', 'solo'),
    newPlayerInCity(pb, b.user, b.char, 'nomad', 'netrunner'),
  ]);
  await Promise.all([dismissDailyPopup(pa), dismissDailyPopup(pb)]);

  // A writes to the district (the All tab's channel); typing "wasd" moves nobody
  const before = await ownPosition(pa);
  const unreadBefore = await districtUnread(pb);
  const hello = `hello watson wasd ${id}`;
  await say(pa, hello);
  await expect(lineWith(pa, 'district', hello)).toBeVisible();
  await expect(pa.getByTestId('chat-input')).not.toBeFocused();
  expect(await ownPosition(pa)).toEqual(before);
  await expect(lineWith(pb, 'district', hello)).toContainText(a.char);
  // A's line is unread for B: the badge grew, by no more than the others' district
  // lines that came since (a history arriving late adds lines but no count)
  await expect
    .poll(async () => {
      const now = await districtUnread(pb);
      const fresh = now.others.filter((l) => !unreadBefore.others.includes(l)).length;
      const grew = now.badge - unreadBefore.badge;
      return grew >= 1 && grew <= fresh;
    })
    .toBe(true);

  // A whispers B; B answers with /r from the whispers tab; A reads it
  await say(pa, `/w ${b.char} psst ${id}`);
  const psst = lineWith(pb, 'whisper', `psst ${id}`);
  await expect(psst).toContainText(`${a.char} whispers:`);
  await expect(pb.getByTestId('chat-unread-whispers')).toHaveText('1');
  await pb.getByTestId('chat-tab-whispers').click();
  await expect(pb.getByTestId('chat-unread-whispers')).toHaveCount(0);
  await expect(lineWith(pb, 'district', hello)).toHaveCount(0);
  await pb.getByTestId('chat-input').fill(`/r got it ${id}`);
  await pb.getByTestId('chat-input').press('Enter');
  await expect(lineWith(pa, 'whisper', `got it ${id}`)).toContainText(`${b.char} whispers:`);
  await expect(lineWith(pb, 'whisper', `got it ${id}`)).toContainText(`To ${a.char}`);

  // refusals are red lines: a bad command (parsed here), an unknown name (the server's)
  await say(pa, '/frobnicate now');
  await expect(pa.locator('[data-testid=chat-line][data-kind=error]').last()).toContainText(
    'Unknown command /frobnicate',
  );
  await pa.keyboard.press('Escape');
  await expect(pa.getByTestId('chat-input')).not.toBeFocused();
  await expect(pa.getByTestId('escape-menu')).toHaveCount(0);
  await pa.getByTestId('chat-input').fill(`/w Nobody${id} hi`);
  await pa.getByTestId('chat-input').press('Enter');
  await expect(pa.locator('[data-testid=chat-line][data-kind=error]').last()).toContainText(
    `Nobody${id}`,
  );

  // B reports A's district line
  await pb.getByTestId('chat-tab-all').click();
  await lineWith(pb, 'district', hello)
    .getByRole('button', { name: /report/i })
    .click();
  await expect(pb.locator('[data-testid=chat-line][data-kind=info]').last()).toHaveText(
    /Reported\. Thank you\./,
  );

  // desktop: clear of your card, the bars and "where you are"
  const desktopHud = [
    '.hud__self',
    '.hud__where',
    '[data-testid=ability-bar]',
    'nav.actionbar',
    '[data-testid=hud-xp]',
  ];
  await expectClear(pa, desktopHud);
  const path = info.outputPath('chat-desktop.png');
  await pa.screenshot({ path });
  await info.attach('chat-desktop', { path, contentType: 'image/png' });

  // a phone: a strip above the stick and the buttons, collapsible
  await pb.setViewportSize({ width: 390, height: 844 });
  const phoneHud = [...desktopHud, '[data-testid=touch-stick]', '.touch__buttons'];
  await expectClear(pb, phoneHud);
  const phone = info.outputPath('chat-phone.png');
  await pb.screenshot({ path: phone });
  await info.attach('chat-phone', { path: phone, contentType: 'image/png' });
  await pb.getByRole('button', { name: 'Collapse chat' }).click();
  await expect(pb.getByTestId('chat-window')).toHaveAttribute('data-open', 'false');
  await expectClear(pb, phoneHud);
  const collapsed = info.outputPath('chat-phone-collapsed.png');
  await pb.screenshot({ path: collapsed });
  await info.attach('chat-phone-collapsed', { path: collapsed, contentType: 'image/png' });

  // friends (the same two players: a second sign-up would cost CI time); B back on a desktop
  // (on a phone, toasts wait while a window covers the screen)
  await pb.setViewportSize(DESKTOP);
  // A: O opens the window; a request by name (Enter)
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('o');
  const panelA = pa.getByTestId('friends-panel');
  await expect(panelA).toBeVisible();
  await expect(panelA.getByTestId('friends-count')).toHaveText('0 / 200');
  const add = panelA.getByTestId('friend-add-input');
  await add.fill(b.char);
  await add.press('Enter');
  await expect(toast(pa, `Friend request sent to ${b.char}.`)).toBeVisible();
  await expect(add).toHaveValue('');
  await expect(
    panelA.locator(`[data-testid=friend-sent-row][data-name="${b.char}"]`),
  ).toBeVisible();

  // B: the action bar button opens the window (read again on opening): Requests → Accept
  await pb.getByTestId('hud-friends').click();
  const panelB = pb.getByTestId('friends-panel');
  const request = panelB.locator(`[data-testid=friend-request-row][data-name="${a.char}"]`);
  await request.getByTestId('friend-accept').click();
  await expect(toast(pb, `You and ${a.char} are now friends.`)).toBeVisible();
  await expect(request).toHaveCount(0);
  const aOnB = friendRow(pb, a.char);
  await expect(aOnB).toHaveAttribute('data-status', 'online');
  await expect(aOnB.getByTestId('friend-where')).toHaveText('Watson');
  await expect(panelB.getByTestId('friends-count')).toHaveText('1 / 200');

  // A: reopening reads the list again — B is a friend now, online in Watson
  await pa.getByTestId('hud-friends').click();
  await expect(panelA).toHaveCount(0);
  await pa.getByTestId('hud-friends').click();
  const bOnA = friendRow(pa, b.char);
  await expect(bOnA).toHaveAttribute('data-status', 'online');
  await expect(bOnA.getByTestId('friend-where')).toHaveText('Watson');
  await expect(bOnA).toContainText('Netrunner');
  await expect(panelA.getByTestId('friends-count')).toHaveText('1 / 200');
  await expect(panelA.locator('[data-testid=friend-sent-row]')).toHaveCount(0);

  // Whisper puts "/w Name " in the chat input, the cursor after it
  await bOnA.getByTestId('friend-whisper').click();
  const chatInput = pa.getByTestId('chat-input');
  await expect(chatInput).toHaveValue(`/w ${b.char} `);
  await expect(chatInput).toBeFocused();
  await chatInput.press('Escape');

  const fpath = info.outputPath('friends-desktop.png');
  await pa.screenshot({ path: fpath });
  await info.attach('friends-desktop', { path: fpath, contentType: 'image/png' });

  // a party: A invites B from the friends list, B accepts on the invitation card
  await bOnA.getByTestId('friend-invite').click();
  await expect(toast(pa, `You invited ${b.char} to your party.`)).toBeVisible();
  const invite = pb.locator(`[data-testid=party-invite][data-from="${a.char}"]`);
  await expect(invite).toBeVisible();
  await invite.getByTestId('party-invite-accept').click();
  await expect(toast(pb, `You joined ${a.char}'s party.`)).toBeVisible();
  await expect(invite).toHaveCount(0);
  // each sees the other's frame, with health from the sim's party:vitals
  const bFrame = pa.locator(`[data-testid=party-frame][data-name="${b.char}"]`);
  const aFrame = pb.locator(`[data-testid=party-frame][data-name="${a.char}"]`);
  await expect(bFrame).toHaveAttribute('data-online', 'true');
  await expect(bFrame).not.toHaveAttribute('data-health', '');
  await expect(aFrame).toHaveAttribute('data-online', 'true');
  await expect(pa.getByTestId('party-frames')).toHaveAttribute('data-count', '2');
  // party chat reaches the member
  await panelA.getByRole('button', { name: 'Close friends' }).click();
  // (the input still holds the friends window's "/w Name ": replaced)
  await chatInput.fill('/p stack on me');
  await chatInput.press('Enter');
  // B's chat was left collapsed: the line waits there, counted as unread
  await pb.getByRole('button', { name: 'Open chat' }).click();
  await expect(lineWith(pb, 'party', 'stack on me')).toBeVisible();
  await pb.getByTestId('chat-tab-party').click();
  await expect(lineWith(pb, 'party', 'stack on me')).toBeVisible();
  // an item link: shift-click an item in the inventory puts its [Name] in the input
  await pa.getByTestId('game-canvas').focus();
  await pa.keyboard.press('i');
  const held = pa
    .getByTestId('inventory-panel')
    .locator('[data-item-id]:not([data-item-id=""])')
    .first();
  await held.click({ modifiers: ['Shift'] });
  await expect(chatInput).toHaveValue(/^\[.+\] $/);
  await chatInput.press('End');
  await chatInput.pressSequentially('for sale');
  await chatInput.press('Enter');
  await pa.keyboard.press('i');
  await pb.getByTestId('chat-tab-all').click();
  const chip = pb.getByTestId('chat-item-link').last();
  await expect(chip).toBeVisible();
  await chip.hover();
  await expect(chip.getByRole('tooltip')).toContainText('as it was when linked');
  // the leader's menu on a frame: promote B
  await bFrame.click();
  await pa.getByTestId('pmenu-promote').click();
  await expect(toast(pa, `${b.char} leads the party now.`)).toBeVisible();
  await expect(pb.getByTestId('party-frames')).toContainText('you lead');
  const ppath = info.outputPath('party-desktop.png');
  await pa.screenshot({ path: ppath });
  await info.attach('party-desktop', { path: ppath, contentType: 'image/png' });
  // the player menu's Report: a reason is required, a note is optional, a toast confirms
  await bFrame.click();
  await pa.getByTestId('pmenu-report').click();
  const report = pa.getByTestId('report-form');
  await expect(report.getByTestId('confirm-ok')).toBeDisabled();
  await report.getByTestId('report-reason-spam').check();
  await report.getByTestId('report-note').fill('sells [items] in party chat');
  const rpath = info.outputPath('report-dialog.png');
  await pa.screenshot({ path: rpath });
  await info.attach('report-dialog', { path: rpath, contentType: 'image/png' });
  await report.getByTestId('confirm-ok').click();
  await expect(toast(pa, `You reported ${b.char}.`)).toBeVisible();
  await pa.getByTestId('hud-friends').click();

  // a phone: the window is a full-width sheet between your card and the bars
  await pb.setViewportSize({ width: 390, height: 844 });
  const sheet = (await panelB.boundingBox())!;
  expect(sheet.x).toBe(0);
  expect(sheet.width).toBe(390);
  const fphone = info.outputPath('friends-phone.png');
  await pb.screenshot({ path: fphone });
  await info.attach('friends-phone', { path: fphone, contentType: 'image/png' });

  // B leaves: A sees it live, without asking (friends list and party frame) — once B's
  // connection has stayed away for the grace a reconnect (an instance, another sim) gets
  await pb.close();
  await expect(toast(pa, `${b.char} went offline.`)).toBeVisible({
    timeout: PRESENCE_LEAVE_GRACE_MS + 10_000,
  });
  await expect(bFrame).toHaveAttribute('data-online', 'false');
  await expect(bOnA).toHaveAttribute('data-status', 'offline');
  await expect(bOnA.getByTestId('friend-where')).toHaveText('last seen just now');
  await expect(bOnA.getByTestId('friend-whisper')).toBeDisabled();

  await ctxA.close();
  await ctxB.close();
});
