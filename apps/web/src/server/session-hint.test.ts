import { describe, expect, it } from 'vitest';
import { hasSessionHint } from '../components/session-hint-cookie';
import { withSessionHint } from './session-hint';

const answer = (...cookies: string[]) => {
  const headers = new Headers();
  for (const c of cookies) headers.append('Set-Cookie', c);
  return new Response(null, { headers });
};
const hint = (res: Response) =>
  res.headers.getSetCookie().find((c) => c.startsWith('necp.signed-in='));

describe('the signed-in hint follows the session cookie', () => {
  it('is set when next-auth sets a session cookie, readable by script', () => {
    const res = withSessionHint(
      answer('next-auth.session-token=eyJabc; Path=/; HttpOnly; SameSite=Lax'),
      false,
    );
    expect(hint(res)).toMatch(/^necp\.signed-in=1; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    expect(hint(res)).not.toMatch(/HttpOnly/);
    const secure = withSessionHint(
      answer('__Secure-next-auth.session-token=eyJabc; Path=/; HttpOnly; Secure'),
      true,
    );
    expect(hint(secure)).toMatch(/; Secure$/);
  });

  it('is cleared when next-auth clears the session cookie, untouched otherwise', () => {
    const cleared = withSessionHint(
      answer('next-auth.session-token=; Path=/; Max-Age=0; HttpOnly'),
      false,
    );
    expect(hint(cleared)).toMatch(/^necp\.signed-in=; Path=\/; Max-Age=0/);
    expect(hint(withSessionHint(answer('next-auth.csrf-token=x; Path=/'), false))).toBeUndefined();
    expect(hint(withSessionHint(answer(), false))).toBeUndefined();
  });

  it('is read from the cookie header exactly', () => {
    expect(hasSessionHint('a=1; necp.signed-in=1; b=2')).toBe(true);
    expect(hasSessionHint('necp.signed-in=')).toBe(false);
    expect(hasSessionHint('xnecp.signed-in=1')).toBe(false);
    expect(hasSessionHint('')).toBe(false);
  });
});
