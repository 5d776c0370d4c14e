import { readRows, type Character, type Prisma } from '@necp/db';
import type { Db, GameDeps, Tx } from '../core/deps';
import { characterNotFound } from '../core/errors';

/**
 * The caller's character. Someone else's character and a missing id give the same
 * NOT_FOUND, so ids cannot be probed. Soft-deleted characters count as missing
 * unless `includeDeleted` is set. For the account's own operations on its characters
 * (enter, delete, restore): a procedure that acts as a character has its ownership
 * checked at the API's edge (characterProcedure) and reads it with getLiveCharacter.
 */
export async function getOwnedCharacter(
  deps: Pick<GameDeps, 'db'>,
  userId: string,
  characterId: string,
  opts: { includeDeleted?: boolean } = {},
): Promise<Character> {
  const c = await deps.db.character.findFirst({
    where: { id: characterId, userId, ...(opts.includeDeleted ? {} : { deletedAt: null }) },
  });
  if (!c) throw characterNotFound(characterId);
  return c;
}

/**
 * A live character by id, whoever's it is (NOT_FOUND for a missing or deleted one):
 * the reads of a procedure that acts as a character, whose ownership the API's
 * characterProcedure checked before the call. One query, on the pool or in the caller's
 * transaction; `select` reads only those columns.
 */
export async function getLiveCharacter(
  deps: { db: Db | Tx },
  characterId: string,
): Promise<Character>;
export async function getLiveCharacter<S extends Prisma.CharacterSelect>(
  deps: { db: Db | Tx },
  characterId: string,
  select: S,
): Promise<Prisma.CharacterGetPayload<{ select: S }>>;
export async function getLiveCharacter(
  deps: { db: Db | Tx },
  characterId: string,
  select?: Prisma.CharacterSelect,
): Promise<unknown> {
  const c = await deps.db.character.findFirst({
    where: { id: characterId, deletedAt: null },
    ...(select ? { select } : {}),
  });
  if (!c) throw characterNotFound(characterId);
  return c;
}

/**
 * The ownership check alone: `characterId` if the caller's live character, else the same
 * NOT_FOUND as getOwnedCharacter. One prepared statement on the pool (readRows): the API's
 * characterProcedure asks it before every call that acts as a character — a market order,
 * a bid, a bag move — and Prisma's client spent ~0.6–1 ms of CPU on the same read
 * (docs/perf.md, "The web tier"), ~0.07 ms this way.
 */
export async function ownedCharacterId(
  deps: Pick<GameDeps, 'db'>,
  userId: string,
  characterId: string,
): Promise<string> {
  const rows = await readRows(deps.db, {
    name: 'necp_owned_character',
    text: `SELECT 1 FROM "Character" WHERE id = $1 AND "userId" = $2 AND "deletedAt" IS NULL`,
    values: [characterId, userId],
  });
  if (rows.length === 0) throw characterNotFound(characterId);
  return characterId;
}
