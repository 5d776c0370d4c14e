import { describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import {
  LOGIN_IP_ATTEMPTS_PER_MINUTE,
  LOGIN_LOCK_MINUTES,
  LOGIN_MAX_FAILURES_BEFORE_LOCK,
} from '@necp/shared';
import {
  INVALID,
  PASSWORD,
  THROTTLED,
  account,
  failure,
  loginTestClients,
  newIp,
} from './login-test-kit';
import { testDeps } from './test-deps';
import { verifyLogin } from './verify-login';

const { db, redis } = loginTestClients();

describe.each([
  ['memory', undefined],
  ['redis', redis],
] as const)('verifyLogin with the %s limiter', (_backend, r) => {
  const deps = () => testDeps(db, r ? { redis: r } : {});

  it('returns the account for the right password (email in any case) and records LOGIN_OK', async () => {
    const d = deps();
    const acc = await account(d);
    const ip = newIp();
    expect(
      await verifyLogin(d, { email: ` ${acc.email.toUpperCase()} `, password: PASSWORD, ip }),
    ).toEqual(acc);
    const events = await db.authEvent.findMany({
      where: { userId: acc.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => [e.kind, e.ip])).toEqual([
      ['REGISTER', null],
      ['LOGIN_OK', ip],
    ]);
  });

  it('gives a wrong password and an unknown email the identical error', async () => {
    const d = deps();
    const acc = await account(d);
    const wrong = await failure(
      verifyLogin(d, { email: acc.email, password: 'wrong password!', ip: newIp() }),
    );
    const unknown = await failure(
      verifyLogin(d, { email: `${uniq('nobody')}@test.necp`, password: PASSWORD, ip: newIp() }),
    );
    const malformed = await failure(
      verifyLogin(d, { email: 'not an email', password: '', ip: newIp() }),
    );
    expect(wrong).toEqual(INVALID);
    expect(unknown).toEqual(INVALID);
    expect(malformed).toEqual(INVALID);
    const row = await db.user.findUniqueOrThrow({ where: { id: acc.id } });
    expect(row.failedLogins).toBe(1);
    expect(await db.authEvent.count({ where: { userId: acc.id, kind: 'LOGIN_FAIL' } })).toBe(1);
  });

  it(`locks an account after ${LOGIN_MAX_FAILURES_BEFORE_LOCK} failures and unlocks when the clock passes the lock`, async () => {
    const d = deps();
    const acc = await account(d);
    // a new address each time: this is the per-account lock, not the per-IP limit
    const ip = newIp;
    for (let i = 0; i < LOGIN_MAX_FAILURES_BEFORE_LOCK; i++) {
      expect(
        await failure(
          verifyLogin(d, { email: acc.email, password: `wrong-${i}-password`, ip: ip() }),
        ),
      ).toEqual(INVALID);
    }
    // locked: even the right password is refused, from any address
    expect(
      await failure(verifyLogin(d, { email: acc.email, password: PASSWORD, ip: ip() })),
    ).toEqual(THROTTLED);
    const locked = await db.user.findUniqueOrThrow({ where: { id: acc.id } });
    expect(locked.failedLogins).toBe(LOGIN_MAX_FAILURES_BEFORE_LOCK);
    expect(locked.lockedUntil).toEqual(new Date(d.clock.ms() + LOGIN_LOCK_MINUTES * 60_000));
    expect(await db.authEvent.count({ where: { userId: acc.id, kind: 'LOCKED' } })).toBe(1);

    d.clock.advance(LOGIN_LOCK_MINUTES * 60_000 - 1000);
    expect(
      await failure(verifyLogin(d, { email: acc.email, password: PASSWORD, ip: ip() })),
    ).toEqual(THROTTLED);
    d.clock.advance(1000);
    expect(await verifyLogin(d, { email: acc.email, password: PASSWORD, ip: ip() })).toEqual(acc);
    const unlocked = await db.user.findUniqueOrThrow({ where: { id: acc.id } });
    expect(unlocked).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('locks an unknown email exactly the same way', async () => {
    const d = deps();
    const email = `${uniq('ghost')}@test.necp`;
    const outcomes = [];
    for (let i = 0; i <= LOGIN_MAX_FAILURES_BEFORE_LOCK; i++) {
      outcomes.push(await failure(verifyLogin(d, { email, password: PASSWORD, ip: newIp() })));
    }
    expect(outcomes).toEqual([
      ...Array<typeof INVALID>(LOGIN_MAX_FAILURES_BEFORE_LOCK).fill(INVALID),
      THROTTLED,
    ]);
    // keyed by the normalised email
    expect(
      await failure(
        verifyLogin(d, { email: ` ${email.toUpperCase()}`, password: PASSWORD, ip: newIp() }),
      ),
    ).toEqual(THROTTLED);
    expect(
      await db.authEvent.count({
        where: { kind: 'LOCKED', userId: null, detail: { startsWith: `${email} until` } },
      }),
    ).toBe(1);
    expect(
      await db.authEvent.count({
        where: { kind: 'LOGIN_FAIL', userId: null, detail: `unknown email ${email}` },
      }),
    ).toBe(LOGIN_MAX_FAILURES_BEFORE_LOCK);
    d.clock.advance(LOGIN_LOCK_MINUTES * 60_000);
    expect(await failure(verifyLogin(d, { email, password: PASSWORD, ip: newIp() }))).toEqual(
      INVALID,
    );
  });

  it('a success resets the consecutive-failure count', async () => {
    const d = deps();
    const acc = await account(d);
    const attempt = (password: string) =>
      verifyLogin(d, { email: acc.email, password, ip: newIp() });
    for (let i = 0; i < LOGIN_MAX_FAILURES_BEFORE_LOCK - 1; i++)
      await failure(attempt('wrong password'));
    expect((await db.user.findUniqueOrThrow({ where: { id: acc.id } })).failedLogins).toBe(
      LOGIN_MAX_FAILURES_BEFORE_LOCK - 1,
    );
    await attempt(PASSWORD);
    expect((await db.user.findUniqueOrThrow({ where: { id: acc.id } })).failedLogins).toBe(0);
    // a full budget again: N-1 more failures do not lock
    for (let i = 0; i < LOGIN_MAX_FAILURES_BEFORE_LOCK - 1; i++) {
      expect(await failure(attempt('wrong password'))).toEqual(INVALID);
    }
    expect(await attempt(PASSWORD)).toEqual(acc);
  });

  it(`limits failed logins per IP to ${LOGIN_IP_ATTEMPTS_PER_MINUTE} a minute`, async () => {
    const d = deps();
    const acc = await account(d);
    const ip = newIp();
    // a different unknown email each time: only the per-IP limit can trigger
    for (let i = 0; i < LOGIN_IP_ATTEMPTS_PER_MINUTE; i++) {
      expect(
        await failure(
          verifyLogin(d, { email: `${uniq('spray')}@test.necp`, password: PASSWORD, ip }),
        ),
      ).toEqual(INVALID);
    }
    expect(await failure(verifyLogin(d, { email: acc.email, password: PASSWORD, ip }))).toEqual(
      THROTTLED,
    );
    // the account itself is not locked: another address gets in
    expect(await verifyLogin(d, { email: acc.email, password: PASSWORD, ip: newIp() })).toEqual(
      acc,
    );
  });
});
