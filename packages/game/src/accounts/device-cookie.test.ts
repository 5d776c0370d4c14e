import { describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { LOGIN_IP_ATTEMPTS_PER_MINUTE, LOGIN_MAX_FAILURES_BEFORE_LOCK } from '@necp/shared';
import {
  DEVICE_MAX_FAILURES,
  DEVICE_TOKENS_PER_COOKIE,
  deviceCookieKey,
  readDeviceCookie,
  writeDeviceCookie,
} from './device-cookie';
import {
  INVALID,
  PASSWORD,
  THROTTLED,
  account as newAccount,
  failure,
  loginTestClients,
  newIp,
} from './login-test-kit';
import { testDeps, type TestDeps } from './test-deps';
import { verifyLogin } from './verify-login';

const { db, redis } = loginTestClients();
const KEY = deviceCookieKey('test-nextauth-secret');
const account = (deps: TestDeps) => newAccount(deps, 'Dev_');

describe.each([
  ['memory', undefined],
  ['redis', redis],
] as const)('device cookies with the %s limiter', (_backend, r) => {
  const deps = () => testDeps(db, r ? { redis: r } : {});

  /** Signs in once from the owner's browser and returns its device cookie. */
  async function ownerCookie(d: TestDeps, email: string) {
    const res = await verifyLogin(d, {
      email,
      password: PASSWORD,
      ip: newIp(),
      device: { cookie: undefined, key: KEY },
    });
    expect(res.deviceToken).toMatch(/^d1\./);
    return res.deviceToken;
  }

  /** An attacker without the cookie fails `n` times, each from a new address. */
  async function hammer(d: TestDeps, email: string, n: number) {
    for (let i = 0; i < n; i++) {
      await failure(
        verifyLogin(d, {
          email,
          password: `guess ${i} guess`,
          ip: newIp(),
          device: { cookie: undefined, key: KEY },
        }),
      );
    }
  }

  it('the owner with a device cookie still signs in after 20 failures from elsewhere; without it the account is locked', async () => {
    const d = deps();
    const acc = await account(d);
    const cookie = await ownerCookie(d, acc.email);
    await hammer(d, acc.email, 20);

    // untrusted: locked as before, even with the right password
    expect(
      await failure(
        verifyLogin(d, {
          email: acc.email,
          password: PASSWORD,
          ip: newIp(),
          device: { cookie: undefined, key: KEY },
        }),
      ),
    ).toEqual(THROTTLED);
    expect(await db.authEvent.count({ where: { userId: acc.id, kind: 'LOCKED' } })).toBeGreaterThan(
      0,
    );

    // the owner's browser gets in, and gets a fresh token (the old one is spent)
    const ok = await verifyLogin(d, {
      email: acc.email,
      password: PASSWORD,
      ip: newIp(),
      device: { cookie, key: KEY },
    });
    expect(ok).toMatchObject({ id: acc.id, deviceToken: expect.stringMatching(/^d1\./) });
    expect(ok.deviceToken).not.toBe(cookie);
    const last = await db.authEvent.findFirstOrThrow({
      where: { userId: acc.id },
      orderBy: { id: 'desc' },
    });
    expect(last).toMatchObject({ kind: 'LOGIN_OK', knownDevice: true });
    // the untrusted lock still stands for everyone else
    expect(
      await failure(verifyLogin(d, { email: acc.email, password: PASSWORD, ip: newIp() })),
    ).toEqual(THROTTLED);
    // a spent token is untrusted: rotation makes a copied cookie worthless after the owner's next login
    expect(
      await failure(
        verifyLogin(d, {
          email: acc.email,
          password: PASSWORD,
          ip: newIp(),
          device: { cookie, key: KEY },
        }),
      ),
    ).toEqual(THROTTLED);
  });

  it('treats forged, tampered, foreign and other-account cookies as untrusted', async () => {
    const d = deps();
    const victim = await account(d);
    const other = await account(d);
    const cookie = (await ownerCookie(d, victim.email))!;
    const otherCookie = await ownerCookie(d, other.email);
    await hammer(d, victim.email, LOGIN_MAX_FAILURES_BEFORE_LOCK);

    const [v, uid, nonce, sig] = cookie.split('.') as [string, string, string, string];
    const flipped = sig.startsWith('A') ? `B${sig.slice(1)}` : `A${sig.slice(1)}`;
    const forged = [
      ['bad signature', `${v}.${uid}.${nonce}.${flipped}`, KEY],
      ['another account id under the same nonce', `${v}.${other.id}.${nonce}.${sig}`, KEY],
      ["another account's valid cookie", otherCookie, KEY],
      ["signed with another deployment's key", cookie, deviceCookieKey('some other secret')],
      ['garbage', 'd1.x.y', KEY],
      ['a huge value', `${cookie}~`.repeat(500), KEY],
    ] as const;
    for (const [what, value, key] of forged) {
      expect(
        await failure(
          verifyLogin(d, {
            email: victim.email,
            password: PASSWORD,
            ip: newIp(),
            device: { cookie: value, key },
          }),
        ),
        what,
      ).toEqual(THROTTLED);
    }
    // the real one still works
    await expect(
      verifyLogin(d, {
        email: victim.email,
        password: PASSWORD,
        ip: newIp(),
        device: { cookie, key: KEY },
      }),
    ).resolves.toMatchObject({ id: victim.id });
  });

  it(`revokes a device cookie after ${DEVICE_MAX_FAILURES} failures with it, without touching the account-wide count`, async () => {
    const d = deps();
    const acc = await account(d);
    const cookie = await ownerCookie(d, acc.email);
    for (let i = 0; i < DEVICE_MAX_FAILURES; i++) {
      expect(
        await failure(
          verifyLogin(d, {
            email: acc.email,
            password: `wrong ${i} wrong`,
            ip: newIp(),
            device: { cookie, key: KEY },
          }),
        ),
      ).toEqual(INVALID);
    }
    const row = await db.user.findUniqueOrThrow({ where: { id: acc.id } });
    expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(
      await db.authEvent.count({
        where: { userId: acc.id, kind: 'LOCKED', detail: { startsWith: 'device cookie revoked' } },
      }),
    ).toBe(1);
    expect(
      await db.authEvent.count({
        where: { userId: acc.id, kind: 'LOGIN_FAIL', knownDevice: true },
      }),
    ).toBe(DEVICE_MAX_FAILURES);
    // the revoked cookie is now just an untrusted browser: locked out with the account
    await hammer(d, acc.email, LOGIN_MAX_FAILURES_BEFORE_LOCK);
    expect(
      await failure(
        verifyLogin(d, {
          email: acc.email,
          password: PASSWORD,
          ip: newIp(),
          device: { cookie, key: KEY },
        }),
      ),
    ).toEqual(THROTTLED);
  });

  it('keeps the per-IP limit for trusted devices too', async () => {
    const d = deps();
    const acc = await account(d);
    const cookie = await ownerCookie(d, acc.email);
    const ip = newIp();
    for (let i = 0; i < LOGIN_IP_ATTEMPTS_PER_MINUTE; i++) {
      await failure(
        verifyLogin(d, { email: `${uniq('spray')}@test.necp`, password: PASSWORD, ip }),
      );
    }
    expect(
      await failure(
        verifyLogin(d, { email: acc.email, password: PASSWORD, ip, device: { cookie, key: KEY } }),
      ),
    ).toEqual(THROTTLED);
    await expect(
      verifyLogin(d, {
        email: acc.email,
        password: PASSWORD,
        ip: newIp(),
        device: { cookie, key: KEY },
      }),
    ).resolves.toMatchObject({ id: acc.id });
  });
});

describe('device cookie values', () => {
  const token = (userId: string) =>
    writeDeviceCookie(KEY, undefined, `d1.${userId}.bm9uY2U.${'x'.repeat(43)}`);

  it('keeps the tokens of other accounts, newest first, up to the cap', async () => {
    const d = testDeps(db);
    const tokens: string[] = [];
    let cookie: string | undefined;
    for (let i = 0; i < DEVICE_TOKENS_PER_COOKIE + 1; i++) {
      const acc = await account(d);
      const res = await verifyLogin(d, {
        email: acc.email,
        password: PASSWORD,
        ip: newIp(),
        device: { cookie, key: KEY },
      });
      cookie = writeDeviceCookie(KEY, cookie, res.deviceToken!);
      tokens.unshift(res.deviceToken!);
    }
    expect(cookie!.split('~')).toEqual(tokens.slice(0, DEVICE_TOKENS_PER_COOKIE));
    expect(readDeviceCookie(KEY, cookie)).toHaveLength(DEVICE_TOKENS_PER_COOKIE);
  });

  it('remembers the accounts whose tokens the signing-in browser holds (the arbitration reads it)', async () => {
    const d = testDeps(db);
    const [a, b] = [await account(d), await account(d)];
    const first = await verifyLogin(d, {
      email: a.email,
      password: PASSWORD,
      ip: newIp(),
      device: { cookie: undefined, key: KEY },
    });
    const cookie = writeDeviceCookie(KEY, undefined, first.deviceToken!);
    const second = await verifyLogin(d, {
      email: b.email,
      password: PASSWORD,
      ip: newIp(),
      device: { cookie, key: KEY },
    });
    expect(
      await db.sharedDevice.findMany({
        where: { userId: second.id },
        select: { otherUserId: true },
      }),
    ).toEqual([{ otherUserId: first.id }]);
    // a forged token names nobody
    const forged = `d1.${b.id}.AAAA.AAAA`;
    const c = await account(d);
    await verifyLogin(d, {
      email: c.email,
      password: PASSWORD,
      ip: newIp(),
      device: { cookie: forged, key: KEY },
    });
    expect(await db.sharedDevice.count({ where: { otherUserId: b.id } })).toBe(0);
  });

  it('drops forged entries when merging', () => {
    // an unsigned token of another account is not carried forward
    expect(writeDeviceCookie(KEY, token('someone'), 'd1.me.n.s')).toBe('d1.me.n.s');
  });
});
