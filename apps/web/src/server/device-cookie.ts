/**
 * The browser side of OWASP device cookies (packages/game accounts/device-cookie.ts
 * holds the rule): the credentials `authorize` reads this cookie and, after a
 * successful sign-in, sets the fresh token. `authorize` runs inside next-auth's
 * App Router route handler, where `cookies()` from next/headers may set cookies:
 * Next merges them into the handler's response (app-route module, finalizeResponse).
 *
 * Scoped to /api/auth: only the sign-in endpoints ever see it. HttpOnly, and Secure
 * (with the __Secure- prefix) when the site is served over https.
 */
import { cookies } from 'next/headers';
import {
  DEVICE_COOKIE_MAX_AGE_S,
  deviceCookieKey,
  writeDeviceCookie,
  type LoginDevice,
} from '@necp/api/host';
import { getServerEnv } from '@/env';

const BASE_NAME = 'necp.device';

let key: Buffer | undefined;

function settings() {
  const env = getServerEnv();
  key ??= deviceCookieKey(env.NEXTAUTH_SECRET);
  const secure = env.NEXTAUTH_URL.startsWith('https://');
  return { key, secure, name: secure ? `__Secure-${BASE_NAME}` : BASE_NAME };
}

/** What verifyLogin needs to judge the attempt by this browser's device cookie. */
export async function deviceForLogin(): Promise<LoginDevice> {
  const { key, name } = settings();
  return { cookie: (await cookies()).get(name)?.value, key };
}

/** Stores the token a successful sign-in returned (other accounts' tokens are kept). */
export async function rememberDevice(token: string): Promise<void> {
  const { key, name, secure } = settings();
  const jar = await cookies();
  jar.set(name, writeDeviceCookie(key, jar.get(name)?.value, token), {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/api/auth',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
