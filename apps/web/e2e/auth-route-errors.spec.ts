// Issue 10, item 5: next-auth's credentials callback answered 500 for invalid JSON and
// for GET. Real HTTP requests against the built app: 400/405 with a JSON error.
import { expect, test } from './test';

const CALLBACK = '/api/auth/callback/credentials';

test('the credentials callback refuses GET with 405 and bad JSON with 400', async ({ request }) => {
  const get = await request.get(CALLBACK, { maxRedirects: 0 });
  expect(get.status()).toBe(405);
  expect(get.headers()['allow']).toBe('POST');
  expect(await get.json()).toEqual({ error: expect.any(String) });

  for (const data of [
    '{not json',
    '"just a string"',
    '{"callbackUrl":1}',
    '{"email":"a\\u0000@b.c"}',
  ]) {
    const res = await request.post(CALLBACK, {
      headers: { 'content-type': 'application/json' },
      data,
      maxRedirects: 0,
    });
    expect(res.status(), data).toBe(400);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  }

  // a well-formed (if wrong) sign-in still reaches next-auth: no 4xx from the guard, no 500
  const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const wrong = await request.post(CALLBACK, {
    form: {
      email: 'nobody@e2e.necp',
      password: 'not the password',
      csrfToken: csrf.csrfToken,
      json: 'true',
    },
    maxRedirects: 0,
  });
  expect(wrong.status()).toBeLessThan(500);
});
