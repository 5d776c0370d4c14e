import { afterAll, describe, expect, it } from 'vitest';
import { createTestUser } from '@necp/db/testing';
import { hashPassword } from '../accounts/password';
import { checkSession } from '../accounts/check-session';
import { PERMANENT_BAN_UNTIL } from '../accounts/ban-check';
import { openSession } from '../accounts/login-session';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { verifyLogin } from '../accounts/verify-login';
import { banAccount } from './ban-account';
import { unbanAccount } from './unban-account';

const db = testDb(4);
afterAll(() => db.$disconnect());

const PASSWORD = 'correct horse battery';
const accessEvents = (userId: string) =>
  db.outboxEvent.findMany({
    where: { type: 'account.access_changed', payload: { path: ['userId'], equals: userId } },
    orderBy: { id: 'asc' },
  });

describe('banAccount / unbanAccount', () => {
  it('a ban ends every session and refuses sign-in saying until when; it ends by itself', async () => {
    const deps = testDeps(db);
    const mod = await createTestUser(db, { role: 'MODERATOR' });
    const target = await createTestUser(db, { passwordHash: await hashPassword(PASSWORD) });
    const session = await openSession(deps, target.id);
    const ban = await banAccount(deps, {
      actorId: mod.id,
      userId: target.id,
      reason: '  gold selling  ',
      durationHours: 48,
      ip: '10.4.0.1',
    });
    const until = new Date(deps.clock.ms() + 48 * 3_600_000);
    expect(ban).toEqual({ userId: target.id, bannedUntil: until, reason: 'gold selling' });
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({ bannedUntil: until, banReason: 'gold selling', sessionVersion: 1 });
    expect(await checkSession(deps, session)).toEqual({ valid: false, reason: 'revoked' });
    const audit = await db.authEvent.findFirstOrThrow({
      where: { userId: target.id, kind: 'BANNED' },
    });
    expect(audit).toMatchObject({
      ip: '10.4.0.1',
      detail: `until ${until.toISOString()} by ${mod.id}: gold selling`,
    });
    expect((await accessEvents(target.id)).map((e) => e.payload)).toEqual([
      { userId: target.id, reason: 'ban' },
    ]);

    const login = () =>
      verifyLogin(deps, { email: target.email, password: PASSWORD, ip: '10.4.0.9' });
    const refused = await expectDomainError(login(), 'FORBIDDEN');
    expect(refused.userMessage).toBe(
      `This account is banned until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC. Reason: gold selling`,
    );
    // a wrong password says nothing about the ban
    expect(
      (
        await domainError(
          verifyLogin(deps, { email: target.email, password: 'wrong password', ip: '10.4.0.8' }),
        )
      ).code,
    ).toBe('UNAUTHENTICATED');
    deps.clock.advance(48 * 3_600_000);
    expect(await login()).toMatchObject({ id: target.id });
  });

  it('a ban without a duration is permanent until lifted; unban is audited and announced', async () => {
    const deps = testDeps(db);
    const admin = await createTestUser(db, { role: 'ADMIN' });
    const target = await createTestUser(db, { passwordHash: await hashPassword(PASSWORD) });
    const ban = await banAccount(deps, { actorId: admin.id, userId: target.id, reason: 'botting' });
    expect(ban.bannedUntil).toEqual(PERMANENT_BAN_UNTIL);
    const refused = await expectDomainError(
      verifyLogin(deps, { email: target.email, password: PASSWORD, ip: '10.4.1.1' }),
      'FORBIDDEN',
    );
    expect(refused.userMessage).toBe('This account is banned permanently. Reason: botting');

    expect(
      await unbanAccount(deps, { actorId: admin.id, userId: target.id, ip: '10.4.1.2' }),
    ).toEqual({
      userId: target.id,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      bannedUntil: null,
      banReason: null,
    });
    expect(
      await db.authEvent.count({ where: { userId: target.id, kind: 'UNBANNED', ip: '10.4.1.2' } }),
    ).toBe(1);
    expect(
      (await accessEvents(target.id)).map((e) => (e.payload as { reason: string }).reason),
    ).toEqual(['ban', 'unban']);
    expect(
      await verifyLogin(deps, { email: target.email, password: PASSWORD, ip: '10.4.1.3' }),
    ).toMatchObject({ id: target.id });
    await expectDomainError(
      unbanAccount(deps, { actorId: admin.id, userId: target.id }),
      'INVALID_STATE',
      'This account is not banned',
    );
  });

  it('staff may ban only accounts below their own role', async () => {
    const deps = testDeps(db);
    const mod = await createTestUser(db, { role: 'MODERATOR' });
    const otherMod = await createTestUser(db, { role: 'MODERATOR' });
    const admin = await createTestUser(db, { role: 'ADMIN' });
    const otherAdmin = await createTestUser(db, { role: 'ADMIN' });
    const player = await createTestUser(db);
    const ban = (actorId: string, userId: string) =>
      banAccount(deps, { actorId, userId, reason: 'testing ranks', durationHours: 1 });
    for (const [actor, target] of [
      [mod, otherMod],
      [mod, admin],
      [admin, otherAdmin],
      [mod, mod],
    ] as const) {
      await expectDomainError(
        ban(actor.id, target.id),
        'FORBIDDEN',
        'You can only ban, unban, mute or unmute accounts below your own role',
      );
    }
    await expectDomainError(ban(player.id, otherMod.id), 'FORBIDDEN');
    await expectDomainError(ban(player.id, player.id), 'FORBIDDEN');
    await expectDomainError(ban(mod.id, 'no-such-user'), 'NOT_FOUND');
    const refusedIds = [mod.id, otherMod.id, admin.id, otherAdmin.id, player.id];
    expect(
      await db.user.count({ where: { id: { in: refusedIds }, bannedUntil: { not: null } } }),
    ).toBe(0);
    expect(await db.authEvent.count({ where: { userId: { in: refusedIds } } })).toBe(0);
    // an admin may ban a moderator
    await ban(admin.id, otherMod.id);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: otherMod.id } })).bannedUntil,
    ).not.toBeNull();
    // and a moderator cannot lift it
    await expectDomainError(
      unbanAccount(deps, { actorId: mod.id, userId: otherMod.id }),
      'FORBIDDEN',
    );
  });

  it.each([
    ['a NUL in the reason', { reason: 'bad\u0000reason' }],
    ['a lone surrogate in the reason', { reason: 'bad \uD800 reason' }],
    ['a too short reason', { reason: ' x ' }],
    ['a too long reason', { reason: 'x'.repeat(501) }],
    ['zero hours', { durationHours: 0 }],
    ['fractional hours', { durationHours: 1.5 }],
    ['a duration past ten years', { durationHours: 24 * 365 * 10 + 1 }],
    ['an empty account id', { userId: '' }],
  ])('refuses %s with VALIDATION and writes nothing', async (_what, patch) => {
    const deps = testDeps(db);
    const mod = await createTestUser(db, { role: 'MODERATOR' });
    const target = await createTestUser(db);
    await expectDomainError(
      banAccount(deps, { actorId: mod.id, userId: target.id, reason: 'a good reason', ...patch }),
      'VALIDATION',
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).bannedUntil).toBeNull();
    expect(await db.authEvent.count({ where: { userId: target.id } })).toBe(0);
  });
});
