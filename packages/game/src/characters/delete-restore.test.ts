import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniq } from '@necp/db/testing';
import { CHARACTER_RESTORE_DAYS, MAX_CHARACTERS_PER_ACCOUNT } from '@necp/shared';
import { expectDomainError, testDb, testDeps, type TestDeps } from '../accounts/test-deps';
import { inTransaction } from '../core/transaction';
import { publishCharacterLifecycle } from './character-events';
import { createCharacter } from './create-character';
import { deleteCharacter } from './delete-character';
import { getOwnedCharacter, ownedCharacterId } from './get-owned-character';
import { listCharacters } from './list-characters';
import { purgeExpiredCharacters } from './purge-expired-characters';
import { restoreCharacter } from './restore-character';

const db = testDb(3);
afterAll(() => db.$disconnect());

const DAY = 24 * 60 * 60 * 1000;
const newName = () => uniq('D');
const create = (deps: TestDeps, userId: string, name = newName()) =>
  createCharacter(deps, { userId, name, origin: 'corpo', class: 'techie' });

describe('deleteCharacter / restoreCharacter', () => {
  it('soft-deletes: listed as restorable for 7 days, name stays reserved', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const other = await createTestUser(db);
    const c = await create(deps, u.id);
    const deleted = await deleteCharacter(deps, { userId: u.id, characterId: c.id });
    const restorableUntil = new Date(deps.clock.ms() + CHARACTER_RESTORE_DAYS * DAY);
    expect(deleted).toMatchObject({ id: c.id, deletedAt: deps.clock.now(), restorableUntil });
    expect(await listCharacters(deps, u.id)).toEqual([
      { ...c, deletedAt: deps.clock.now(), restorableUntil },
    ]);
    await expectDomainError(
      create(deps, other.id, c.name.toUpperCase()),
      'CONFLICT',
      'That name is taken',
    );
    await expectDomainError(
      deleteCharacter(deps, { userId: u.id, characterId: c.id }),
      'INVALID_STATE',
    );
    // deleted characters are not "owned" for gameplay purposes
    await expectDomainError(getOwnedCharacter(deps, u.id, c.id), 'NOT_FOUND');
    await expectDomainError(ownedCharacterId(deps, u.id, c.id), 'NOT_FOUND');
    expect((await getOwnedCharacter(deps, u.id, c.id, { includeDeleted: true })).id).toBe(c.id);
  });

  it('restores within the window', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const c = await create(deps, u.id);
    await deleteCharacter(deps, { userId: u.id, characterId: c.id });
    deps.clock.advance(CHARACTER_RESTORE_DAYS * DAY - 1);
    expect(await restoreCharacter(deps, { userId: u.id, characterId: c.id })).toEqual(c);
    expect(await listCharacters(deps, u.id)).toEqual([c]);
    await expectDomainError(
      restoreCharacter(deps, { userId: u.id, characterId: c.id }),
      'INVALID_STATE',
      'That character is not deleted',
    );
  });

  it('refuses restore after 7 days; the purge then frees the name', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const other = await createTestUser(db);
    const c = await create(deps, u.id);
    await deleteCharacter(deps, { userId: u.id, characterId: c.id });
    deps.clock.advance(CHARACTER_RESTORE_DAYS * DAY);
    await expectDomainError(
      restoreCharacter(deps, { userId: u.id, characterId: c.id }),
      'INVALID_STATE',
      'This character can no longer be restored',
    );
    expect(await listCharacters(deps, u.id)).toEqual([]);
    expect(await purgeExpiredCharacters(deps)).toBeGreaterThanOrEqual(1);
    expect(await db.character.findUnique({ where: { id: c.id } })).toBeNull();
    await expectDomainError(
      restoreCharacter(deps, { userId: u.id, characterId: c.id }),
      'NOT_FOUND',
    );
    await expect(create(deps, other.id, c.name)).resolves.toMatchObject({ name: c.name });
  });

  it('createCharacter purges an expired holder of the name by itself', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const name = newName();
    const old = await createTestCharacter(db, u.id, {
      name,
      deletedAt: new Date(deps.clock.ms() - CHARACTER_RESTORE_DAYS * DAY),
    });
    const fresh = await create(deps, u.id, name.toLowerCase());
    expect(fresh.id).not.toBe(old.id);
    expect(await db.character.findUnique({ where: { id: old.id } })).toBeNull();
  });

  it('purge keeps characters still inside the window', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const keep = await createTestCharacter(db, u.id, {
      deletedAt: new Date(deps.clock.ms() - CHARACTER_RESTORE_DAYS * DAY + 1000),
    });
    const live = await createTestCharacter(db, u.id);
    await purgeExpiredCharacters(deps);
    expect(await db.character.count({ where: { id: { in: [keep.id, live.id] } } })).toBe(2);
  });

  it(`refuses a restore that would exceed ${MAX_CHARACTERS_PER_ACCOUNT} live characters`, async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const first = await create(deps, u.id);
    await deleteCharacter(deps, { userId: u.id, characterId: first.id });
    for (let i = 0; i < MAX_CHARACTERS_PER_ACCOUNT; i++) await create(deps, u.id);
    await expectDomainError(
      restoreCharacter(deps, { userId: u.id, characterId: first.id }),
      'INVALID_STATE',
      'You already have 5 characters. Delete one to make room.',
    );
    expect(
      (await db.character.findUniqueOrThrow({ where: { id: first.id } })).deletedAt,
    ).not.toBeNull();
  });

  it("never touches another account's character, and says NOT_FOUND as for a missing id", async () => {
    const deps = testDeps(db);
    const a = await createTestUser(db);
    const b = await createTestUser(db);
    const c = await create(deps, a.id);
    expect(await ownedCharacterId(deps, a.id, c.id)).toBe(c.id);
    for (const characterId of [c.id, 'no-such-character']) {
      await expectDomainError(
        deleteCharacter(deps, { userId: b.id, characterId }),
        'NOT_FOUND',
        'Character not found',
      );
      await expectDomainError(
        restoreCharacter(deps, { userId: b.id, characterId }),
        'NOT_FOUND',
        'Character not found',
      );
      await expectDomainError(
        getOwnedCharacter(deps, b.id, characterId, { includeDeleted: true }),
        'NOT_FOUND',
      );
      await expectDomainError(ownedCharacterId(deps, b.id, characterId), 'NOT_FOUND');
    }
    await deleteCharacter(deps, { userId: a.id, characterId: c.id });
    await expectDomainError(
      restoreCharacter(deps, { userId: b.id, characterId: c.id }),
      'NOT_FOUND',
    );
    expect(await listCharacters(deps, b.id)).toEqual([]);
  });

  it('publishes each deletion and restore once: a retried write is its key, the next change a new one', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db);
    const c = await create(deps, u.id);
    const lifecycle = async () =>
      (
        await db.outboxEvent.findMany({
          where: {
            type: { in: ['character.created', 'character.deleted', 'character.restored'] },
            payload: { path: ['characterId'], equals: c.id },
          },
          orderBy: { id: 'asc' },
        })
      ).map((e) => e.type);
    const ref = { userId: u.id, characterId: c.id };
    await deleteCharacter(deps, ref);
    const first = deps.clock.now();
    deps.clock.advance(1_000);
    await restoreCharacter(deps, ref);
    deps.clock.advance(1_000);
    await deleteCharacter(deps, ref);
    const changes = ['character.created', 'character.deleted', 'character.restored'];
    expect(await lifecycle()).toEqual([...changes, 'character.deleted']);
    // each written again outside its transaction (a retry that did not see its commit)
    for (const change of [
      { type: 'character.created', ...ref },
      { type: 'character.deleted', deletedAt: first, ...ref },
      { type: 'character.restored', deletedAt: first, ...ref },
      { type: 'character.deleted', deletedAt: deps.clock.now(), ...ref },
    ] as const)
      await inTransaction(db, (tx) => publishCharacterLifecycle(tx, change));
    expect(await lifecycle()).toEqual([...changes, 'character.deleted']);
  });
});
