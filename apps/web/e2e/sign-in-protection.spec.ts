// Nobody can lock someone else out (OWASP device cookies), the owner sees the
// failed attempts, and weak passwords are refused with advice.
import { expect, test } from './test';
import type { APIRequestContext } from '@playwright/test';
import { LOGIN_MAX_FAILURES_BEFORE_LOCK } from '@necp/shared';
import { PASSWORD, signUp, uid } from './helpers';

/** One sign-in attempt straight at next-auth's credentials endpoint: no browser, no device cookie. */
async function httpSignIn(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as {
    csrfToken: string;
  };
  const res = await request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  const { url } = (await res.json()) as { url: string };
  return new URL(url).searchParams.get('error');
}

test('failures from elsewhere lock the account for strangers but not for the owner’s browser', async ({
  browser,
  playwright,
}) => {
  const user = `owner${uid()}`;
  const email = `${user}@e2e.necp`;
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signUp(page, user);
  // signing in left a device cookie, only for the sign-in endpoints
  const device = (await ctx.cookies()).find((c) => c.name === 'necp.device');
  expect(device).toMatchObject({ httpOnly: true, path: '/api/auth' });
  await page.getByTestId('sign-out').click();
  await page.waitForURL((u) => u.pathname === '/');

  // an attacker without that cookie guesses until the account is locked
  const attacker = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
  });
  for (let i = 0; i < LOGIN_MAX_FAILURES_BEFORE_LOCK; i++) {
    expect(await httpSignIn(attacker, email, `wrong guess ${i}`)).toMatch(
      /invalid email or password/i,
    );
  }
  expect(await httpSignIn(attacker, email, PASSWORD)).toMatch(/too many failed attempts/i);
  await attacker.dispose();

  // a browser that never signed in is locked out too
  const stranger = await browser.newContext();
  const sp = await stranger.newPage();
  await sp.goto('/signin');
  await sp.getByLabel('Email').fill(email);
  await sp.getByLabel('Password').fill(PASSWORD);
  await sp.getByRole('button', { name: /sign in/i }).click();
  await expect(sp.getByTestId('form-error')).toContainText(/too many failed attempts/i);
  await stranger.close();

  // the owner's browser signs in regardless
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL('**/characters');

  // and sees what happened
  await page.goto('/account');
  const rows = page.getByTestId('signin-activity-row');
  await expect(rows.first()).toHaveAttribute('data-outcome', 'ok');
  await expect(rows.first()).toContainText('A browser you used before');
  await expect(page.locator('[data-testid=signin-activity-row][data-outcome=failed]')).toHaveCount(
    LOGIN_MAX_FAILURES_BEFORE_LOCK,
  );
  await expect(
    page.locator('[data-testid=signin-activity-row][data-outcome=failed]').first(),
  ).toContainText('Unknown browser');
  await expect(page.locator('[data-testid=signin-activity-row][data-outcome=locked]')).toHaveCount(
    1,
  );
  await page.screenshot({ path: test.info().outputPath('account-activity.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('account-activity-phone.png') });
  await ctx.close();
});

test('sign-up refuses a weak password with advice before submitting', async ({ page }) => {
  const user = `weak${uid()}`;
  await page.goto('/signup');
  await page.getByLabel('Email').fill(`${user}@e2e.necp`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill('password12');
  await expect(page.getByTestId('password-meter')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('password-advice')).toContainText(/commonly used password/i);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('error-password')).toContainText(/too easy to guess/i);
  await expect(page.getByTestId('password-advice')).toHaveCount(0); // said once, by the field
  await expect(page).toHaveURL(/\/signup/);
  await page.screenshot({ path: test.info().outputPath('signup-weak.png'), fullPage: true });

  await page.getByLabel('Password').fill(`${user}-2024`);
  await expect(page.getByTestId('password-advice')).toContainText(/username, your email/i);

  await page.getByLabel('Password').fill(PASSWORD);
  await expect(page.getByTestId('password-meter')).toHaveAttribute('data-ok', 'true');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/characters');
});

test('changing the password signs out and the new one signs in', async ({ page }) => {
  const user = `changer${uid()}`;
  const NEW = 'quartz falcon meridian';
  await signUp(page, user);
  await page.goto('/account');
  const form = page.getByTestId('change-password-form');
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password').fill(NEW);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByTestId('form-error')).toContainText('current password is not correct');

  await form.getByLabel('Current password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL('**/signin**');
  await page.getByLabel('Email').fill(`${user}@e2e.necp`);
  await page.getByLabel('Password').fill(NEW);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
});
