// Sessions end on the server, and roles are the database's. A copy of a cookie taken
// before sign-out gets 401 from the API afterwards; "sign out everywhere" on the
// account page signs out a second browser; signing out in one tab ends the game open in
// another tab of that session; an admin demoted through admin.setRole keeps
// their session but the same old cookie now mints a PLAYER sim ticket.
import { expect, test } from './test';
import {
  request as playwrightRequest,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { createDb } from '@necp/db';
import { verifySimTicket } from '@necp/game';
import { PASSWORD, newAccount, newAccountWithCharacter, uid, newPlayerInCity } from './helpers';

const SIM_TICKET_SECRET = process.env.SIM_TICKET_SECRET ?? 'e2e-sim-ticket-secret-0123456789';

/** A separate HTTP client holding a copy of the browser's cookies as they are now. */
async function copyCookies(context: BrowserContext, baseURL: string): Promise<APIRequestContext> {
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes('next-auth.session-token'))).toBe(true);
  return playwrightRequest.newContext({ baseURL, storageState: { cookies, origins: [] } });
}

const me = (api: APIRequestContext) => api.get('/api/trpc/auth.me');

/** character.enter through the API (tRPC over HTTP, superjson envelope); the ticket's claims. */
async function enter(api: APIRequestContext, characterId: string) {
  const res = await api.post('/api/trpc/character.enter', {
    data: { json: { characterId } },
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { result: { data: { json: { ticket: string } } } };
  return verifySimTicket(SIM_TICKET_SECRET, body.result.data.json.ticket, Date.now());
}

async function setRole(username: string, role: 'PLAYER' | 'MODERATOR' | 'ADMIN') {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    return await db.user.update({
      where: { usernameLower: username.toLowerCase() },
      data: { role },
    });
  } finally {
    await db.$disconnect();
  }
}

async function signIn(page: Page, username: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(`${username}@e2e.necp`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL('**/characters');
}

test('signing out ends the session: a copy of the old cookie gets 401', async ({
  page,
  baseURL,
}) => {
  const user = `leaver${uid()}`;
  await newAccount(page, user);
  const copy = await copyCookies(page.context(), baseURL!);
  try {
    const before = await me(copy);
    expect(before.status()).toBe(200);
    expect(await before.text()).toContain(user);

    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect(
      page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();

    expect((await me(copy)).status()).toBe(401);
    // next-auth's own endpoint agrees: no session for that cookie
    expect(await (await copy.get('/api/auth/session')).json()).toEqual({});
    // and the protected pages send it to sign-in
    const page2 = await copy.get('/characters', { maxRedirects: 0 });
    expect(page2.status()).toBeGreaterThanOrEqual(300);
  } finally {
    await copy.dispose();
  }
});

test('signing out in another tab ends the game open in this one', async ({ page }) => {
  const id = uid();
  const name = `Quit${id}`;
  await newPlayerInCity(page, `quitter${id}`, name, 'streetkid', 'solo');

  // the same browser (same cookie, same login session), another tab
  const tab = await page.context().newPage();
  await tab.goto('/characters');
  await tab.getByTestId('sign-out').click();
  await tab.waitForURL((u) => u.pathname === '/');

  // the sim disconnected the game socket that session's ticket opened, and said why
  const overlay = page.getByTestId('kicked-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toHaveAttribute('data-reason', 'signed_out');
  await expect(page.getByTestId('kicked-message')).toHaveText(
    'This session was signed out. Sign in again to play.',
  );
  await expect(page.getByTestId('hud-connection')).not.toHaveAttribute('data-state', 'connected');
  await page.screenshot({ path: test.info().outputPath('signed-out-game-tab.png') });
});

test('"sign out everywhere" on the account page ends a second browser’s session', async ({
  page,
  browser,
  baseURL,
}) => {
  const user = `many${uid()}`;
  await newAccount(page, user);
  const other = await browser.newContext();
  const phone = await other.newPage();
  try {
    await signIn(phone, user);
    expect((await me(phone.request)).status()).toBe(200);

    await page.getByTestId('account-link').click();
    await page.waitForURL('**/account');
    await expect(page.getByTestId('account-username')).toHaveText(user);
    await expect(page.getByTestId('account-email')).toHaveText(`${user}@e2e.necp`);
    await expect(page.getByTestId('account-role')).toHaveAttribute('data-role', 'PLAYER');
    await page.screenshot({ path: test.info().outputPath('account-page.png'), fullPage: true });
    const copy = await copyCookies(page.context(), baseURL!);

    await page.getByTestId('sign-out-everywhere-button').click();
    await page.getByTestId('sign-out-everywhere-confirm').click();
    await page.waitForURL('**/signin');

    // the other browser did nothing, and is signed out
    expect((await me(phone.request)).status()).toBe(401);
    await phone.goto('/characters');
    await phone.waitForURL(/\/signin/);
    expect((await me(copy)).status()).toBe(401);
    await copy.dispose();

    // signing in again works
    await signIn(phone, user);
    expect((await me(phone.request)).status()).toBe(200);
  } finally {
    await other.close();
  }
});

test('a demoted admin’s old cookie mints a PLAYER ticket', async ({ page, browser, baseURL }) => {
  const id = uid();
  const admin = `exadmin${id}`;
  const boss = `boss${id}`;
  await newAccountWithCharacter(page, admin, `Demo${id}`, 'streetkid', 'solo');
  const characterId = await page.getByTestId('character-card').first().getAttribute('data-id');
  expect(characterId).toBeTruthy();
  const adminRow = await setRole(admin, 'ADMIN');
  const old = await copyCookies(page.context(), baseURL!);

  const bossContext = await browser.newContext();
  const bossPage = await bossContext.newPage();
  try {
    expect((await enter(old, characterId!)).role).toBe('ADMIN');

    // demoted by another admin through the API (the setup promoted that one in the database)
    await newAccount(bossPage, boss);
    await setRole(boss, 'ADMIN');
    const demote = await bossPage.request.post('/api/trpc/admin.setRole', {
      data: { json: { userId: adminRow.id, role: 'PLAYER' } },
      headers: { 'content-type': 'application/json' },
    });
    expect(demote.status()).toBe(200);

    // still signed in (a role change is not a sign-out), but a player now, everywhere
    const after = await me(old);
    expect(after.status()).toBe(200);
    expect(await after.text()).toContain('"role":"PLAYER"');
    const claims = await enter(old, characterId!);
    expect(claims).toMatchObject({ sub: adminRow.id, cid: characterId, role: 'PLAYER' });
    const refused = await old.post('/api/trpc/admin.setRole', {
      data: { json: { userId: adminRow.id, role: 'ADMIN' } },
      headers: { 'content-type': 'application/json' },
    });
    expect(refused.status()).toBe(403);
    await page.goto('/account');
    await expect(page.getByTestId('account-role')).toHaveAttribute('data-role', 'PLAYER');
  } finally {
    await old.dispose();
    await bossContext.close();
  }
});
