import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniq } from '@necp/db/testing';
import {
  EQUIPMENT_SLOTS,
  MAX_CHARACTERS_PER_ACCOUNT,
  STARTER_KITS,
  itemTemplateById,
  maxHealthFor,
  startingAttributes,
  type EquipmentSlot,
} from '@necp/shared';
import { checkInvariants } from '../ledger/check-invariants';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { createCharacter } from './create-character';

const db = testDb(8);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

const newName = () => uniq('N');
const create = (userId: string, name = newName()) =>
  createCharacter(deps, { userId, name, origin: 'nomad', class: 'netrunner' });

describe('createCharacter', () => {
  it('creates a level-1 character at the starting spawn with starting attributes and full health', async () => {
    const u = await createTestUser(db);
    const name = `Vex-${uniq('').slice(0, 6)}`;
    const summary = await create(u.id, `  ${name} `);
    expect(summary).toEqual({
      id: expect.any(String),
      name,
      origin: 'nomad',
      class: 'netrunner',
      level: 1,
      zoneId: 'watson',
      zoneName: 'Watson',
      deletedAt: null,
      restorableUntil: null,
      lastPlayedAt: null,
    });
    const row = await db.character.findUniqueOrThrow({ where: { id: summary.id } });
    const attrs = startingAttributes('nomad', 'netrunner');
    expect(row).toMatchObject({
      userId: u.id,
      nameLower: name.toLowerCase(),
      ...attrs,
      health: maxHealthFor(attrs, 1),
      maxHealth: maxHealthFor(attrs, 1),
      x: 256,
      y: 256,
      xp: 0,
    });
  });

  it("arrives wearing its class's starter kit, each item a ledgered source", async () => {
    const u = await createTestUser(db);
    const summary = await createCharacter(deps, {
      userId: u.id,
      name: newName(),
      origin: 'streetkid',
      class: 'solo',
    });
    const items = await db.item.findMany({ where: { characterId: summary.id } });
    expect(items.map((i) => i.templateId).sort()).toEqual([...STARTER_KITS.solo].sort());
    for (const i of items) {
      expect(i.container).toBe('EQUIPMENT');
      const t = itemTemplateById(i.templateId);
      expect(i.slot).toBe(EQUIPMENT_SLOTS.indexOf(t?.slot as EquipmentSlot));
      expect(i.durability).toBe(t?.maxDurability);
    }
    const ledger = await db.ledgerEntry.findMany({
      where: { itemId: { in: items.map((i) => i.id) } },
    });
    expect(ledger).toHaveLength(items.length);
    for (const e of ledger) {
      expect(e).toMatchObject({
        reason: 'starter',
        quantityDelta: 1,
        toOwner: `char:${summary.id}`,
      });
    }
    expect(await checkInvariants(db, { characterIds: [summary.id] })).toEqual([]);
  });

  it(`allows at most ${MAX_CHARACTERS_PER_ACCOUNT} live characters; deleted ones do not count`, async () => {
    const u = await createTestUser(db);
    await createTestCharacter(db, u.id, { deletedAt: deps.clock.now() });
    for (let i = 0; i < MAX_CHARACTERS_PER_ACCOUNT; i++) await create(u.id);
    const name = newName();
    await expectDomainError(
      create(u.id, name),
      'INVALID_STATE',
      'You already have 5 characters. Delete one to make room.',
    );
    expect(await db.character.findUnique({ where: { nameLower: name.toLowerCase() } })).toBeNull();
  });

  it('lets exactly 5 of 8 simultaneous creates succeed', async () => {
    const u = await createTestUser(db);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => create(u.id)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(ok).toHaveLength(MAX_CHARACTERS_PER_ACCOUNT);
    expect(refused.map((e) => (e as { code?: string }).code)).toEqual([
      'INVALID_STATE',
      'INVALID_STATE',
      'INVALID_STATE',
    ]);
    expect(await db.character.count({ where: { userId: u.id, deletedAt: null } })).toBe(
      MAX_CHARACTERS_PER_ACCOUNT,
    );
  });

  it('keeps names unique case-insensitively, across accounts', async () => {
    const a = await createTestUser(db);
    const b = await createTestUser(db);
    const name = newName();
    await create(a.id, name);
    await expectDomainError(create(a.id, name.toUpperCase()), 'CONFLICT', 'That name is taken');
    await expectDomainError(create(b.id, name.toLowerCase()), 'CONFLICT', 'That name is taken');
    expect(await db.character.count({ where: { nameLower: name.toLowerCase() } })).toBe(1);
  });

  it('treats a hyphenated name as distinct from the same letters without it', async () => {
    const u = await createTestUser(db);
    const base = uniq('Jo').slice(0, 10);
    await create(u.id, base);
    await expect(create(u.id, `${base.slice(0, 2)}-${base.slice(2)}`)).resolves.toMatchObject({
      level: 1,
    });
  });

  it.each([
    ['Ad-Min', 'That name is reserved'],
    ['Moderator', 'That name is reserved'],
    ['Sh1thead', 'That name is not allowed'],
    ['ab', 'Name must be at least 3 characters'],
    ['Jo-An-n', 'Name may contain only one hyphen'],
    ['Jo_Ann', 'Name may contain letters, digits and one hyphen'],
    ['Joan-', 'Name cannot start or end with a hyphen'],
  ])('refuses the name %j with VALIDATION', async (name, message) => {
    const u = await createTestUser(db);
    await expectDomainError(create(u.id, name), 'VALIDATION', message);
    expect(await db.character.count({ where: { userId: u.id } })).toBe(0);
  });

  it('refuses unknown origins and classes', async () => {
    const u = await createTestUser(db);
    const e = await domainError(
      createCharacter(deps, {
        userId: u.id,
        name: newName(),
        origin: 'alien' as 'nomad',
        class: 'solo',
      }),
    );
    expect(e).toMatchObject({ code: 'VALIDATION', userMessage: 'Choose an origin' });
  });

  it('refuses an unknown account', async () => {
    await expectDomainError(create('no-such-user'), 'NOT_FOUND');
  });
});
