import { afterAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import { uniq } from '@necp/db/testing';
import { anonCaller, callerFor, rejection, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());
const deps = testDeps(db);

const fresh = () => {
  const username = uniq('Api_');
  return { email: `${username}@test.necp`, username, password: 'long enough password' };
};

describe('auth.register', () => {
  it('creates an account and returns its public view', async () => {
    const input = fresh();
    const acc = await anonCaller(deps).auth.register(input);
    expect(acc).toEqual({
      id: expect.any(String),
      email: input.email.toLowerCase(),
      username: input.username,
      role: 'PLAYER',
    });
    const ev = await db.authEvent.findFirstOrThrow({ where: { userId: acc.id } });
    expect(ev).toMatchObject({ kind: 'REGISTER', ip: '127.0.0.1' });
  });

  it('maps a duplicate (other case) to CONFLICT with the player message', async () => {
    const input = fresh();
    await anonCaller(deps).auth.register(input);
    const e = await rejection(
      anonCaller(deps).auth.register({ ...fresh(), username: input.username.toUpperCase() }),
    );
    expect(e).toBeInstanceOf(TRPCError);
    expect(e).toMatchObject({
      code: 'CONFLICT',
      message: 'That email or username is already taken',
    });
  });

  it('rejects bad input with BAD_REQUEST and field errors, writing nothing', async () => {
    const input = { email: 'nope', username: uniq('x'), password: 'short' };
    const e = await rejection(anonCaller(deps).auth.register(input));
    expect(e).toMatchObject({ code: 'BAD_REQUEST' });
    const cause = (e as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    expect(z.flattenError(cause as ZodError).fieldErrors).toEqual({
      email: ['Enter a valid email address'],
      password: ['Password must be at least 10 characters'],
    });
    expect(await db.user.count({ where: { usernameLower: input.username.toLowerCase() } })).toBe(0);
  });
});

describe('auth.me', () => {
  it('needs a session', async () => {
    expect(await rejection(anonCaller(deps).auth.me())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('returns the signed-in account', async () => {
    const acc = await anonCaller(deps).auth.register(fresh());
    expect(await callerFor(deps, acc.id).auth.me()).toEqual(acc);
  });

  it('is NOT_FOUND for a session whose account no longer exists', async () => {
    expect(await rejection(callerFor(deps, 'deleted-user').auth.me())).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
