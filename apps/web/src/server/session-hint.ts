/**
 * A hint for prerendered pages (the landing page is the same HTML for everyone): a
 * readable cookie that says "this browser holds a session cookie", so the page's
 * script can show "Play" instead of "Sign up" without a request. It grants nothing —
 * the session cookie stays HttpOnly and every page and call checks it; a stale hint
 * only shows "Play", whose page then asks to sign in. It follows the session cookie:
 * set or cleared whenever next-auth's answer sets or clears that cookie (sign-in,
 * renewal, sign-out, a session found ended).
 */
import { LOGIN_SESSION_MAX_AGE_SECONDS } from '@necp/api/host';
import { SESSION_HINT_COOKIE } from '../components/session-hint-cookie';

const SESSION_COOKIE = /^(?:__Secure-)?next-auth\.session-token=([^;]*)/;

/** Adds the hint's Set-Cookie to a next-auth response that sets or clears the session cookie. */
export function withSessionHint(res: Response, secure: boolean): Response {
  let signedIn: boolean | undefined;
  for (const c of res.headers.getSetCookie()) {
    const m = SESSION_COOKIE.exec(c);
    if (!m) continue;
    signedIn = m[1] !== '' && !/;\s*max-age=0\b/i.test(c);
  }
  if (signedIn === undefined) return res;
  const maxAge = signedIn ? LOGIN_SESSION_MAX_AGE_SECONDS : 0;
  res.headers.append(
    'Set-Cookie',
    `${SESSION_HINT_COOKIE}=${signedIn ? '1' : ''}; Path=/; Max-Age=${maxAge}; SameSite=Lax${secure ? '; Secure' : ''}`,
  );
  return res;
}
