/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"):
 * a browser that signed in to an account holds a token naming it; logins that
 * present a valid token for the account are judged by that device's own failure
 * count instead of the account-wide lockout, so failures from elsewhere never lock
 * the owner out.
 *
 * A token is `d1.<userId>.<nonce>.<hmac>`: the HMAC (a key derived from the web's
 * secret) makes forged tokens fail before any database read; the nonce's sha256
 * names a LoginDevice row, so a token can be revoked (rotation on every successful
 * login, lockout after failures) and a database leak yields no usable cookie. One
 * browser may hold tokens for a few accounts (`~`-separated, newest first).
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { LOGIN_MAX_FAILURES_BEFORE_LOCK } from '@necp/shared';
import type { Db, GameDeps, Tx } from '../core/deps';

/** Failed logins presenting one device's token before that token is revoked. */
export const DEVICE_MAX_FAILURES = LOGIN_MAX_FAILURES_BEFORE_LOCK;
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
/** tokens one browser keeps (accounts signed in from it); older ones drop off */
export const DEVICE_TOKENS_PER_COOKIE = 4;
/** remembered browsers per account; the least recently used are forgotten */
export const DEVICES_PER_ACCOUNT = 20;
/** a cookie header value longer than this is ignored rather than parsed */
const MAX_COOKIE_CHARS = 2048;

const VERSION = 'd1';
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

/** The HMAC key for device tokens, derived from a deployment secret (e.g. NEXTAUTH_SECRET). */
export function deviceCookieKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'necp', 'device cookie v1', 32));
}

const sign = (key: Buffer, body: string) =>
  createHmac('sha256', key).update(body).digest('base64url');
const nonceHash = (nonce: string) => createHash('sha256').update(nonce).digest('hex');

export interface DeviceToken {
  userId: string;
  nonce: string;
}

function parseToken(key: Buffer, raw: string): DeviceToken | null {
  const parts = raw.split('.');
  if (parts.length !== 4) return null;
  const [version, userId, nonce, sig] = parts as [string, string, string, string];
  if (version !== VERSION || !USER_ID.test(userId) || !B64URL.test(nonce) || !B64URL.test(sig))
    return null;
  const expected = Buffer.from(sign(key, `${VERSION}.${userId}.${nonce}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, nonce };
}

/** The well-signed tokens in a cookie value (anything malformed or forged is dropped). */
export function readDeviceCookie(key: Buffer, value: string | undefined): DeviceToken[] {
  if (!value || value.length > MAX_COOKIE_CHARS) return [];
  return value
    .split('~')
    .slice(0, DEVICE_TOKENS_PER_COOKIE)
    .map((t) => parseToken(key, t))
    .filter((t): t is DeviceToken => t !== null);
}

/** The cookie value after a sign-in: the new token first, other accounts' tokens kept. */
export function writeDeviceCookie(
  key: Buffer,
  previous: string | undefined,
  token: string,
): string {
  const [, userId] = token.split('.');
  const others = readDeviceCookie(key, previous)
    .filter((t) => t.userId !== userId)
    .map(
      (t) => `${VERSION}.${t.userId}.${t.nonce}.${sign(key, `${VERSION}.${t.userId}.${t.nonce}`)}`,
    );
  return [token, ...others].slice(0, DEVICE_TOKENS_PER_COOKIE).join('~');
}

/** The account's remembered, unrevoked, unexpired device among the presented tokens. */
export async function findTrustedDevice(
  deps: GameDeps,
  userId: string,
  tokens: DeviceToken[],
): Promise<{ id: string } | null> {
  const mine = tokens.filter((t) => t.userId === userId);
  if (mine.length === 0) return null;
  return deps.db.loginDevice.findFirst({
    where: {
      userId,
      nonceHash: { in: mine.map((t) => nonceHash(t.nonce)) },
      revokedAt: null,
      expiresAt: { gt: new Date(deps.clock.ms()) },
    },
    select: { id: true },
  });
}

/**
 * Remembers a new device for the account and returns its token; `replaces` (the
 * device the login came from) is revoked, so every token is used for one login.
 */
export async function issueDevice(
  tx: Tx | Db,
  now: Date,
  key: Buffer,
  userId: string,
  replaces: string | null,
): Promise<string> {
  const nonce = randomBytes(16).toString('base64url');
  if (replaces) {
    await tx.loginDevice.update({ where: { id: replaces }, data: { revokedAt: now } });
  }
  await tx.loginDevice.create({
    data: {
      userId,
      nonceHash: nonceHash(nonce),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + DEVICE_COOKIE_MAX_AGE_S * 1000),
    },
  });
  // forget revoked and expired devices, and the least recently used beyond the cap
  await tx.loginDevice.deleteMany({
    where: { userId, OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }] },
  });
  const stale = await tx.loginDevice.findMany({
    where: { userId },
    orderBy: { lastUsedAt: 'desc' },
    skip: DEVICES_PER_ACCOUNT,
    select: { id: true },
  });
  if (stale.length > 0)
    await tx.loginDevice.deleteMany({ where: { id: { in: stale.map((d) => d.id) } } });
  return `${VERSION}.${userId}.${nonce}.${sign(key, `${VERSION}.${userId}.${nonce}`)}`;
}

/**
 * Counts a failed login presented with this device's token; at DEVICE_MAX_FAILURES
 * the device is revoked (its later logins are untrusted). Returns whether this
 * failure revoked it.
 */
export async function recordDeviceFailure(tx: Tx, now: Date, deviceId: string): Promise<boolean> {
  const { failures } = await tx.loginDevice.update({
    where: { id: deviceId },
    data: { failures: { increment: 1 } },
    select: { failures: true },
  });
  if (failures < DEVICE_MAX_FAILURES) return false;
  const { count } = await tx.loginDevice.updateMany({
    where: { id: deviceId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}
