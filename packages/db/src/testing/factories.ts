/**
 * Test factories: each call makes fresh rows with unique names, so tests never
 * depend on one another's data. They write straight through Prisma (no domain
 * rules) to set up state; the behaviour under test goes through the domain.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../client';
import type { Role } from '../generated/prisma/client';

/**
 * Letters that cannot spell a word the name filter refuses, even after a prefix ending
 * in a vowel: no vowels nor y, no digits (its leetspeak reads 4/5/0 as a/s/o), no f, c,
 * l, s or p ("fk", "dck", "prn", "pssy", "o"+"rgy"). Random hex or base-36 parts hit the
 * filter about once in 900 names, which made suites fail now and then;
 * name-policy.test checks this alphabet against it.
 */
export const NAME_SAFE_LETTERS = 'bdghjkmnqrtvwxz';

/** `n` random letters from NAME_SAFE_LETTERS (15^n values; 10 letters ≈ 6·10^11). */
export const uniqLetters = (n: number) =>
  Array.from({ length: n }, () => NAME_SAFE_LETTERS[randomInt(NAME_SAFE_LETTERS.length)]).join('');

/** A unique id, username or character name for this run: `prefix` and 10 random letters. */
export const uniq = (prefix = 't') => `${prefix}${uniqLetters(10)}`;

/** A unique guild tag (capital letters only, as tags are). */
export const uniqTag = (n = 5) => uniqLetters(n).toUpperCase();

export async function createTestUser(
  db: Db,
  o: { email?: string; username?: string; role?: Role; passwordHash?: string } = {},
) {
  const username = o.username ?? uniq('u');
  return db.user.create({
    data: {
      email: (o.email ?? `${username}@test.necp`).toLowerCase(),
      username,
      usernameLower: username.toLowerCase(),
      // not a valid argon2 hash: users made here cannot log in unless a hash is given
      passwordHash: o.passwordHash ?? 'x',
      role: o.role ?? 'PLAYER',
    },
  });
}

type TestCharacterOpts = {
  name?: string;
  x?: number;
  y?: number;
  zoneId?: string;
  deletedAt?: Date | null;
  /** a queue's levels (the group finder refuses a level-1 character a dungeon) */
  level?: number;
};

/** The row of a level-1 streetkid solo (createTestCharacter; bulk inserts in tests). */
export function testCharacterData(userId: string, o: TestCharacterOpts = {}) {
  const name = o.name ?? uniq('C');
  return {
    userId,
    name,
    nameLower: name.toLowerCase(),
    origin: 'streetkid',
    class: 'solo',
    health: 110,
    maxHealth: 110,
    body: 6,
    reflexes: 7,
    technical: 3,
    intelligence: 3,
    cool: 6,
    zoneId: o.zoneId ?? 'watson',
    x: o.x ?? 256,
    y: o.y ?? 256,
    deletedAt: o.deletedAt ?? null,
    ...(o.level ? { level: o.level } : {}),
  };
}

export async function createTestCharacter(db: Db, userId: string, o: TestCharacterOpts = {}) {
  return db.character.create({ data: testCharacterData(userId, o) });
}
