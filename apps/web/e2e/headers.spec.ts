// Security headers as the browser gets them, and a whole first session (sign up,
// create a character, enter the city: canvas and socket to the sim) under the
// strict CSP without a single violation.
import { createHash } from 'node:crypto';
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { createCharacter, enterCity, signUp, signUpViaApi, uid } from './helpers';

const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 3101);

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

test('pages carry a per-request nonce CSP naming the sim, COOP and Permissions-Policy', async ({
  request,
}) => {
  const first = await request.get('/signup');
  const second = await request.get('/signup');
  const h = first.headers();
  const csp = directives(h['content-security-policy'] ?? '');
  const nonce = /'nonce-([^']+)'/.exec(h['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(csp.get('connect-src')).toEqual([
    "'self'",
    `http://localhost:${SIM_PORT}`,
    `ws://localhost:${SIM_PORT}`,
  ]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  // every script Next rendered carries this response's nonce
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  expect(h['cross-origin-opener-policy']).toBe('same-origin');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-content-type-options']).toBe('nosniff');
  // served over plain http here: no HSTS (a browser would pin http otherwise)
  expect(h['strict-transport-security']).toBeUndefined();

  const api = await request.get('/api/trpc/auth.me');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['cross-origin-opener-policy']).toBe('same-origin');
});

/** Collects CSP violations seen by the page (events) and reported on the console. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => {
    const events = await page
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      .catch(() => []);
    return [...console, ...events];
  };
}

test('signing up and entering the city raise no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const id = uid();
  await signUp(page, `csp${id}`);
  expect(await violations()).toEqual([]);
  await createCharacter(page, `Csp${id}`, 'streetkid', 'solo');
  await enterCity(page, `Csp${id}`); // the socket to the sim is connected
  const canvas = page.getByTestId('game-canvas');
  await expect(canvas).toBeVisible();
  // the canvas really draws (not blank): some pixel differs from the first one
  const drawn = await canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx) return true; // a WebGL canvas: being connected and visible is the check
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    for (let i = 4; i < data.length; i += 4 * 97) if (data[i] !== data[0]) return true;
    return false;
  });
  expect(drawn).toBe(true);
  await page.waitForTimeout(1000);
  expect(await violations()).toEqual([]);

  // the session cookie: HttpOnly, SameSite=Lax (Secure comes with an https NEXTAUTH_URL)
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
});

test('the prerendered landing page: a hash CSP without nonce, and it knows a signed-in browser', async ({
  request,
  page,
}) => {
  const first = await request.get('/');
  const header = first.headers()['content-security-policy'] ?? '';
  // served as built: the same policy every time, no nonce anywhere
  expect((await request.get('/')).headers()['content-security-policy']).toBe(header);
  const scriptSrc = directives(header).get('script-src') ?? [];
  expect(scriptSrc[0]).toBe("'self'");
  expect(scriptSrc.join(' ')).not.toMatch(/nonce|unsafe|strict-dynamic/);
  const html = await first.text();
  expect(html).not.toContain('nonce=');
  // every inline script of the page is named by its hash
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    (m) => !/\bsrc=/.test(m[1] ?? ''),
  );
  expect(inline.length).toBeGreaterThan(0);
  for (const m of inline) {
    const hash = createHash('sha256')
      .update(m[2] ?? '')
      .digest('base64');
    expect(scriptSrc).toContain(`'sha256-${hash}'`);
  }

  // in the browser the page's scripts run: a signed-in browser is shown "Play" and its name
  const violations = await watchCsp(page);
  const name = `lp${uid()}`;
  await signUpViaApi(page, name);
  await page.goto('/');
  await expect(page.getByTestId('cta-play')).toBeVisible();
  await expect(page.getByTestId('header-username')).toContainText(name);
  expect(await violations()).toEqual([]);
  // signed out: the hint goes with the session cookie, the page asks to sign up again
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/$/);
  await expect(page.getByTestId('cta-signup')).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'necp.signed-in')).toBeUndefined();
  expect(await violations()).toEqual([]);
});
