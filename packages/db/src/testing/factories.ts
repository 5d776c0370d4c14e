/**
 * Test factories: each call makes fresh rows with unique names, so tests never
 * depend on one another's data. They write straight through Prisma (no domain
 * rules) to set up state; the behaviour under test goes through the domain.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import type { Role } from '../generated/prisma/client';

export const uniq = (prefix = 't') => `${prefix}${randomBytes(5).toString('hex')}`;

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
  // names: letters+digits, ≤ 16 chars
  const name = o.name ?? `C${randomBytes(6).toString('hex')}`.slice(0, 13);
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
