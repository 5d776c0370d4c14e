// Sessions, roles and bans through the API. `asCookie` builds the context the way the web
// does for a request carrying a login token (getSession → checkSession): a revoked,
// signed-out or banned token is no session at all, and the role is the database's.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import {
  checkSession,
  openSession,
  verifySimTicket,
  type GameDeps,
  type LoginSessionClaims,
} from '@necp/game';
import { createCaller, createTRPCContext } from '../index';
import { anonCaller, rejection, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

async function asCookie(deps: GameDeps, token: LoginSessionClaims) {
  const check = await checkSession(deps, token);
  return createCaller(
    createTRPCContext({
      deps,
      session: check.valid
        ? { userId: check.account.id, role: check.account.role, sessionId: token.sessionId }
        : null,
      ip: '10.5.0.1',
    }),
  );
}

/** A fresh account with one signed-in session (a login token). */
async function account(deps: GameDeps, role: 'PLAYER' | 'MODERATOR' | 'ADMIN' = 'PLAYER') {
  const user = await createTestUser(db, { role });
  return { user, token: await openSession(deps, user.id) };
}

const UNAUTHORIZED = { code: 'UNAUTHORIZED' };
const FORBIDDEN = { code: 'FORBIDDEN' };

describe('auth.signOut', () => {
  it('the signed-out token gets 401 from auth.me; the account’s other session stays', async () => {
    const deps = testDeps(db);
    const { user, token } = await account(deps);
    const other = await openSession(deps, user.id);
    expect(await (await asCookie(deps, token)).auth.me()).toMatchObject({ id: user.id });
    await (await asCookie(deps, token)).auth.signOut();
    expect(await rejection((await asCookie(deps, token)).auth.me())).toMatchObject(UNAUTHORIZED);
    expect(await (await asCookie(deps, other)).auth.me()).toMatchObject({ id: user.id });
    const audit = await db.authEvent.findMany({ where: { userId: user.id, kind: 'SIGN_OUT' } });
    expect(audit.map((e) => e.ip)).toEqual(['10.5.0.1']);
  });

  it('needs a session', async () => {
    const deps = testDeps(db);
    expect(await rejection(anonCaller(deps).auth.signOut())).toMatchObject(UNAUTHORIZED);
    expect(await rejection(anonCaller(deps).auth.signOutEverywhere())).toMatchObject(UNAUTHORIZED);
  });
});

describe('auth.signOutEverywhere', () => {
  it('every token of the account gets 401, the caller’s own included', async () => {
    const deps = testDeps(db);
    const { user, token } = await account(deps);
    const phone = await openSession(deps, user.id);
    const stranger = await account(deps);
    await (await asCookie(deps, token)).auth.signOutEverywhere();
    for (const t of [token, phone])
      expect(await rejection((await asCookie(deps, t)).auth.me())).toMatchObject(UNAUTHORIZED);
    expect(await (await asCookie(deps, stranger.token)).auth.me()).toMatchObject({
      id: stranger.user.id,
    });
    expect(await db.authEvent.count({ where: { userId: user.id, kind: 'SESSIONS_REVOKED' } })).toBe(
      1,
    );
  });
});

describe('admin.setRole', () => {
  it('a demoted admin’s old token stays signed in but mints a PLAYER ticket and loses staff tools', async () => {
    const deps = testDeps(db);
    const boss = await account(deps, 'ADMIN');
    const victim = await account(deps, 'ADMIN');
    const c = await createTestCharacter(db, victim.user.id);
    const ticketRole = async () => {
      const { ticket } = await (
        await asCookie(deps, victim.token)
      ).character.enter({
        characterId: c.id,
      });
      return (await verifySimTicket(deps.config.simTicketSecret, ticket, deps.clock.ms())).role;
    };
    expect(await ticketRole()).toBe('ADMIN');
    expect(
      await (
        await asCookie(deps, boss.token)
      ).admin.setRole({
        userId: victim.user.id,
        role: 'PLAYER',
      }),
    ).toMatchObject({ id: victim.user.id, role: 'PLAYER' });
    expect(await (await asCookie(deps, victim.token)).auth.me()).toMatchObject({ role: 'PLAYER' });
    expect(await ticketRole()).toBe('PLAYER');
    expect(
      await rejection(
        (await asCookie(deps, victim.token)).admin.setRole({
          userId: boss.user.id,
          role: 'PLAYER',
        }),
      ),
    ).toMatchObject(FORBIDDEN);
  });

  it('refuses players, moderators and an admin’s own role; bad input is BAD_REQUEST', async () => {
    const deps = testDeps(db);
    const target = await account(deps);
    for (const role of ['PLAYER', 'MODERATOR'] as const) {
      const caller = await asCookie(deps, (await account(deps, role)).token);
      expect(
        await rejection(caller.admin.setRole({ userId: target.user.id, role: 'ADMIN' })),
      ).toMatchObject(FORBIDDEN);
    }
    const admin = await account(deps, 'ADMIN');
    const asAdmin = await asCookie(deps, admin.token);
    expect(
      await rejection(asAdmin.admin.setRole({ userId: admin.user.id, role: 'PLAYER' })),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'You cannot change your own role' });
    for (const bad of [
      { userId: target.user.id, role: 'ROOT' },
      { userId: '', role: 'ADMIN' },
      { userId: `${target.user.id}\u0000`, role: 'ADMIN' },
      { userId: 'x'.repeat(65), role: 'ADMIN' },
      { role: 'ADMIN' },
    ]) {
      expect(
        await rejection(asAdmin.admin.setRole(bad as { userId: string; role: 'ADMIN' })),
      ).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(
      await rejection(asAdmin.admin.setRole({ userId: 'no-such-user', role: 'ADMIN' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.user.id } })).role).toBe(
      'PLAYER',
    );
    expect(await db.authEvent.count({ where: { userId: target.user.id } })).toBe(0);
  });
});

describe('moderation.ban / unban', () => {
  it('a ban signs the account out at once (401); unban lets it sign in again', async () => {
    const deps = testDeps(db);
    const mod = await account(deps, 'MODERATOR');
    const target = await account(deps);
    const asMod = await asCookie(deps, mod.token);
    const ban = await asMod.moderation.ban({
      userId: target.user.id,
      reason: 'spamming chat',
      durationHours: 24,
    });
    expect(ban).toMatchObject({ userId: target.user.id, reason: 'spamming chat' });
    expect(await rejection((await asCookie(deps, target.token)).auth.me())).toMatchObject(
      UNAUTHORIZED,
    );
    // a session opened despite the ban (there is none: sign-in refuses) would be refused too
    const sneaky = await openSession(deps, target.user.id);
    expect(await rejection((await asCookie(deps, sneaky)).auth.me())).toMatchObject(UNAUTHORIZED);
    expect(await asMod.moderation.unban({ userId: target.user.id })).toEqual({
      userId: target.user.id,
    });
    const fresh = await openSession(deps, target.user.id);
    expect(await (await asCookie(deps, fresh)).auth.me()).toMatchObject({ id: target.user.id });
  });

  it('refuses players; moderators cannot ban staff; bad input is BAD_REQUEST', async () => {
    const deps = testDeps(db);
    const target = await account(deps);
    const admin = await account(deps, 'ADMIN');
    const otherMod = await account(deps, 'MODERATOR');
    const asPlayer = await asCookie(deps, (await account(deps)).token);
    expect(
      await rejection(asPlayer.moderation.ban({ userId: target.user.id, reason: 'no reason' })),
    ).toMatchObject(FORBIDDEN);
    expect(await rejection(asPlayer.moderation.unban({ userId: target.user.id }))).toMatchObject(
      FORBIDDEN,
    );
    const asMod = await asCookie(deps, (await account(deps, 'MODERATOR')).token);
    for (const staff of [admin, otherMod]) {
      expect(
        await rejection(asMod.moderation.ban({ userId: staff.user.id, reason: 'power trip' })),
      ).toMatchObject({
        code: 'FORBIDDEN',
        message: 'You can only ban, unban, mute or unmute accounts below your own role',
      });
    }
    for (const bad of [
      { userId: target.user.id, reason: '' },
      { userId: target.user.id, reason: 'nul\u0000byte' },
      { userId: target.user.id, reason: 'lone \uDC00 surrogate' },
      { userId: target.user.id, reason: 'ok reason', durationHours: -1 },
      { userId: target.user.id, reason: 'ok reason', durationHours: 'forever' },
      { userId: target.user.id, reason: 'y'.repeat(501) },
    ]) {
      expect(
        await rejection(asMod.moderation.ban(bad as { userId: string; reason: string })),
      ).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(
      await db.user.count({
        where: {
          id: { in: [target.user.id, admin.user.id, otherMod.user.id] },
          bannedUntil: { not: null },
        },
      }),
    ).toBe(0);
    expect(await (await asCookie(deps, admin.token)).auth.me()).toMatchObject({
      id: admin.user.id,
    });
  });
});
