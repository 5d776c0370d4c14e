// Sign-up and sign-in refuse bad input with clear messages, without revealing accounts.
import { expect, test } from './test';
import { PASSWORD, signUp, uid } from './helpers';

test('sign-up shows field messages for bad input', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Username').fill('x');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('error-email')).toContainText('valid email');
  await expect(page.getByTestId('error-username')).toContainText('at least 3');
  await expect(page.getByTestId('error-password')).toContainText('at least 10');
  await expect(page).toHaveURL(/\/signup/);
});

test('sign-in gives the same answer for a wrong password and an unknown email', async ({
  browser,
}) => {
  const user = `dave${uid()}`;
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signUp(page, user);
  await ctx.close();

  const attempt = async (email: string, password: string) => {
    const c = await browser.newContext();
    const p = await c.newPage();
    await p.goto('/signin');
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password').fill(password);
    await p.getByRole('button', { name: /sign in/i }).click();
    const msg = await p.getByTestId('form-error').textContent();
    await c.close();
    return msg;
  };
  const wrongPassword = await attempt(`${user}@e2e.necp`, `${PASSWORD}-nope`);
  const unknownEmail = await attempt(`nobody${uid()}@e2e.necp`, PASSWORD);
  expect(wrongPassword).toMatch(/invalid email or password/i);
  expect(unknownEmail).toBe(wrongPassword);
});

test('the landing page is rendered on the server and leads to sign-up', async ({
  request,
  page,
}) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('NECP');
  expect(html).toMatch(/sign up/i);
  await page.goto('/');
  await page
    .getByRole('link', { name: /sign up/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/signup/);
});
