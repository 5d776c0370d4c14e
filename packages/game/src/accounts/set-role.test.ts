import { afterAll, describe, expect, it } from 'vitest';
import { createTestUser } from '@necp/db/testing';
import { checkSession } from './check-session';
import { openSession } from './login-session';
import { setRole } from './set-role';
import { domainError, expectDomainError, testDb, testDeps } from './test-deps';

const db = testDb(6);
afterAll(() => db.$disconnect());

const accessEvents = (userId: string) =>
  db.outboxEvent.findMany({
    where: { type: 'account.access_changed', payload: { path: ['userId'], equals: userId } },
  });

describe('setRole', () => {
  it('demotes an admin without signing them out: the next check already says PLAYER', async () => {
    const deps = testDeps(db);
    const boss = await createTestUser(db, { role: 'ADMIN' });
    const target = await createTestUser(db, { role: 'ADMIN' });
    const session = await openSession(deps, target.id);
    const out = await setRole(deps, {
      actorId: boss.id,
      userId: target.id,
      role: 'PLAYER',
      ip: '10.3.0.1',
    });
    expect(out).toMatchObject({ id: target.id, role: 'PLAYER' });
    expect(await checkSession(deps, session)).toMatchObject({
      valid: true,
      account: { role: 'PLAYER' },
    });
    const audit = await db.authEvent.findMany({ where: { userId: target.id } });
    expect(audit.map((e) => [e.kind, e.ip, e.detail])).toEqual([
      ['ROLE_CHANGED', '10.3.0.1', `ADMIN -> PLAYER by ${boss.id}`],
    ]);
    expect((await accessEvents(target.id)).map((e) => e.payload)).toEqual([
      { userId: target.id, reason: 'role' },
    ]);
    // promoted again: a second event with its own key
    await setRole(deps, { actorId: boss.id, userId: target.id, role: 'MODERATOR' });
    expect(await accessEvents(target.id)).toHaveLength(2);
  });

  it('changing to the same role changes and records nothing', async () => {
    const deps = testDeps(db);
    const boss = await createTestUser(db, { role: 'ADMIN' });
    const target = await createTestUser(db, { role: 'MODERATOR' });
    await setRole(deps, { actorId: boss.id, userId: target.id, role: 'MODERATOR' });
    expect(await db.authEvent.count({ where: { userId: target.id } })).toBe(0);
    expect(await accessEvents(target.id)).toHaveLength(0);
  });

  it('refuses an admin changing their own role, non-admins, unknown accounts and bad input', async () => {
    const deps = testDeps(db);
    const boss = await createTestUser(db, { role: 'ADMIN' });
    const mod = await createTestUser(db, { role: 'MODERATOR' });
    const player = await createTestUser(db);
    await expectDomainError(
      setRole(deps, { actorId: boss.id, userId: boss.id, role: 'PLAYER' }),
      'FORBIDDEN',
      'You cannot change your own role',
    );
    await expectDomainError(
      setRole(deps, { actorId: mod.id, userId: player.id, role: 'MODERATOR' }),
      'FORBIDDEN',
    );
    await expectDomainError(
      setRole(deps, { actorId: boss.id, userId: 'no-such-user', role: 'MODERATOR' }),
      'NOT_FOUND',
    );
    await expectDomainError(
      setRole(deps, { actorId: boss.id, userId: player.id, role: 'GOD' as 'ADMIN' }),
      'VALIDATION',
    );
    await expectDomainError(
      setRole(deps, { actorId: boss.id, userId: `${player.id}\u0000`, role: 'ADMIN' }),
      'VALIDATION',
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: boss.id } })).role).toBe('ADMIN');
    expect((await db.user.findUniqueOrThrow({ where: { id: player.id } })).role).toBe('PLAYER');
    expect(await db.authEvent.count({ where: { userId: { in: [boss.id, player.id] } } })).toBe(0);
  });

  it('two admins demoting each other at once: exactly one wins', async () => {
    const deps = testDeps(db);
    const a = await createTestUser(db, { role: 'ADMIN' });
    const b = await createTestUser(db, { role: 'ADMIN' });
    const results = await Promise.allSettled([
      setRole(deps, { actorId: a.id, userId: b.id, role: 'PLAYER' }),
      setRole(deps, { actorId: b.id, userId: a.id, role: 'PLAYER' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((await domainError(Promise.reject(refused?.reason))).code).toBe('FORBIDDEN');
    const roles = await db.user.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { role: true },
    });
    expect(roles.map((r) => r.role).sort()).toEqual(['ADMIN', 'PLAYER']);
  });
});
