import { describe, expect, it } from 'vitest';
import { refuseBadAuthRequest } from './auth-request-guard';

const URL_BASE = 'http://localhost/api/auth';
const post = (path: string, body: string, type = 'application/json') =>
  new Request(`${URL_BASE}/${path}`, { method: 'POST', headers: { 'content-type': type }, body });
const CALLBACK = ['callback', 'credentials'];

describe('refuseBadAuthRequest', () => {
  it("does not serve next-auth's _log endpoint (anyone could write error lines to the log)", async () => {
    for (const req of [
      post('_log', JSON.stringify({ level: 'error', code: 'PROBE', message: 'x' })),
      post('_log', 'level=error&code=PROBE', 'application/x-www-form-urlencoded'),
      new Request(`${URL_BASE}/_log`),
    ]) {
      const res = await refuseBadAuthRequest(req, ['_log']);
      expect(res?.status).toBe(404);
      expect(await res?.json()).toEqual({ error: expect.any(String) });
    }
  });

  it('answers 405 with a JSON error for anything but POST on the credentials callback', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await refuseBadAuthRequest(
        new Request(`${URL_BASE}/callback/credentials`, { method }),
        CALLBACK,
      );
      expect(res?.status).toBe(405);
      expect(res?.headers.get('allow')).toBe('POST');
      expect(await res?.json()).toEqual({ error: expect.any(String) });
    }
  });

  it('answers 400 for JSON that does not parse, is not an object, or holds non-strings and bad text', async () => {
    for (const body of [
      '{',
      '',
      'nul\u0000',
      '"a string"',
      'null',
      '[1,2]',
      '{"callbackUrl":1}',
      '{"email":{"$ne":null}}',
      '{"password":"pw\\u0000x"}',
      '{"email":"\\ud83d@x.y"}',
      JSON.stringify({ password: 'x'.repeat(5000) }),
    ]) {
      const res = await refuseBadAuthRequest(post('callback/credentials', body), CALLBACK);
      expect(res?.status, body).toBe(400);
      expect(await res?.json()).toEqual({ error: expect.any(String) });
    }
  });

  it('lets well-formed requests through to next-auth, with the body still readable', async () => {
    const req = post(
      'callback/credentials',
      JSON.stringify({ email: 'a@b.c', password: 'pw', csrfToken: 't' }),
    );
    expect(await refuseBadAuthRequest(req, CALLBACK)).toBeNull();
    expect(await req.json()).toMatchObject({ email: 'a@b.c' });
    const form = post(
      'callback/credentials',
      'email=a%40b.c&password=x',
      'application/x-www-form-urlencoded',
    );
    expect(await refuseBadAuthRequest(form, CALLBACK)).toBeNull();
    expect(await refuseBadAuthRequest(new Request(`${URL_BASE}/session`), ['session'])).toBeNull();
    expect(await refuseBadAuthRequest(new Request(`${URL_BASE}/csrf`), ['csrf'])).toBeNull();
  });
});
