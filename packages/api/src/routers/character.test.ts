import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { verifySimTicket } from '@necp/game';
import { CHARACTER_RESTORE_DAYS, MAX_CHARACTERS_PER_ACCOUNT } from '@necp/shared';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

const newChar = () => ({
  name: uniq('R'),
  origin: 'streetkid' as const,
  class: 'solo' as const,
});

describe('character router', () => {
  it('requires a session for every procedure', async () => {
    const c = anonCaller(testDeps(db));
    const calls = [
      () => c.character.list(),
      () => c.character.create(newChar()),
      () => c.character.delete({ characterId: 'x' }),
      () => c.character.restore({ characterId: 'x' }),
      () => c.character.enter({ characterId: 'x' }),
    ];
    for (const call of calls)
      expect(await rejection(call())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('walks create → list → delete → restore → enter', async () => {
    const deps = testDeps(db);
    const { user, caller } = await signedIn(deps, db, 'MODERATOR');
    const created = await caller.character.create(newChar());
    expect(created).toMatchObject({
      level: 1,
      zoneId: 'watson',
      zoneName: 'Watson',
      deletedAt: null,
    });
    expect(await caller.character.list()).toEqual([created]);

    const deleted = await caller.character.delete({ characterId: created.id });
    expect(deleted.restorableUntil).toEqual(
      new Date(deps.clock.ms() + CHARACTER_RESTORE_DAYS * 86_400_000),
    );
    expect(await rejection(caller.character.enter({ characterId: created.id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
    });

    expect(await caller.character.restore({ characterId: created.id })).toEqual(created);
    const entered = await caller.character.enter({ characterId: created.id });
    expect(entered.simUrl).toBe('http://localhost:3001');
    const claims = await verifySimTicket(
      deps.config.simTicketSecret,
      entered.ticket,
      deps.clock.ms(),
    );
    expect(claims).toMatchObject({ sub: user.id, cid: created.id, role: 'MODERATOR' });
    expect((await caller.character.list())[0]?.lastPlayedAt).toEqual(deps.clock.now());
  });

  it("gives another account NOT_FOUND for everything about A's characters", async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const live = await a.caller.character.create(newChar());
    const gone = await a.caller.character.create(newChar());
    await a.caller.character.delete({ characterId: gone.id });

    expect(await b.caller.character.list()).toEqual([]);
    for (const characterId of [live.id, gone.id]) {
      for (const call of [
        () => b.caller.character.delete({ characterId }),
        () => b.caller.character.restore({ characterId }),
        () => b.caller.character.enter({ characterId }),
      ]) {
        expect(await rejection(call())).toMatchObject({
          code: 'NOT_FOUND',
          message: 'Character not found',
        });
      }
    }
    // A's characters are untouched
    expect((await a.caller.character.list()).map((c) => [c.id, c.deletedAt === null])).toEqual([
      [live.id, true],
      [gone.id, false],
    ]);
  });

  it('maps domain refusals: limit → PRECONDITION_FAILED, taken name → CONFLICT, refused name → BAD_REQUEST', async () => {
    const deps = testDeps(db);
    const { caller } = await signedIn(deps, db);
    const names = [];
    for (let i = 0; i < MAX_CHARACTERS_PER_ACCOUNT; i++)
      names.push((await caller.character.create(newChar())).name);
    expect(await rejection(caller.character.create(newChar()))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'You already have 5 characters. Delete one to make room.',
    });
    const other = await signedIn(deps, db);
    expect(
      await rejection(
        other.caller.character.create({ ...newChar(), name: names[0]!.toLowerCase() }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'That name is taken',
    });
    expect(
      await rejection(other.caller.character.create({ ...newChar(), name: 'Sys-tem' })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'That name is reserved',
    });
  });

  it('rejects malformed input before the domain runs', async () => {
    const deps = testDeps(db);
    const { user, caller } = await signedIn(deps, db);
    const bad = { name: 'x', origin: 'martian', class: 'solo' } as unknown as ReturnType<
      typeof newChar
    >;
    expect(await rejection(caller.character.create(bad))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rejection(caller.character.enter({ characterId: '' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await db.character.count({ where: { userId: user.id } })).toBe(0);
  });
});
