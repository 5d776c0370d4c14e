/**
 * The block list (the chat's /ignore): a blocked character's whispers and channel
 * messages never reach the blocker, and the blocked side is not told. A block ends
 * a friendship and pending friend requests; party invites, trade and mail will
 * consult the same list.
 */
import { CHARACTER_BLOCK_MAX, type Push } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { characterByName } from './characters-by-name';
import { inTransaction } from '../core/transaction';

/** The blocker's sockets join (or leave) the room that keeps the blocked side's messages out. */
const blockerRoom = (kind: 'join' | 'leave', blockerId: string, blockedId: string): Push => ({
  kind,
  characters: [blockerId],
  room: { blockersOf: blockedId },
});

export async function blockCharacter(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; name: string },
): Promise<{ id: string; name: string; pushes: Push[] }> {
  const target = await characterByName(deps, input.name);
  if (target.id === input.characterId)
    throw new DomainError('VALIDATION', 'block self', 'You cannot ignore yourself.');
  return inTransaction(deps.db, async (tx) => {
    // the cap counts under the blocker's row lock, so two blocks at once cannot pass it together
    await tx.$queryRaw`SELECT id FROM "Character" WHERE id = ${input.characterId} FOR UPDATE`;
    const count = await tx.characterBlock.count({ where: { blockerId: input.characterId } });
    const exists = await tx.characterBlock.findUnique({
      where: { blockerId_blockedId: { blockerId: input.characterId, blockedId: target.id } },
    });
    if (!exists) {
      if (count >= CHARACTER_BLOCK_MAX)
        throw new DomainError(
          'CONFLICT',
          'block list full',
          `Your ignore list is full (${CHARACTER_BLOCK_MAX}).`,
        );
      await tx.characterBlock.create({
        data: { blockerId: input.characterId, blockedId: target.id },
      });
    }
    // a block ends the friendship and any request between the two, both ways
    const pair = [
      { a: input.characterId, b: target.id },
      { a: target.id, b: input.characterId },
    ];
    await tx.friendship.deleteMany({
      where: { OR: pair.map((p) => ({ characterId: p.a, friendId: p.b })) },
    });
    await tx.friendRequest.deleteMany({
      where: { OR: pair.map((p) => ({ fromId: p.a, toId: p.b })) },
    });
    return { ...target, pushes: [blockerRoom('join', input.characterId, target.id)] };
  });
}

export async function unblockCharacter(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; name: string },
): Promise<{ id: string; name: string; pushes: Push[] }> {
  const target = await characterByName(deps, input.name);
  await deps.db.characterBlock.deleteMany({
    where: { blockerId: input.characterId, blockedId: target.id },
  });
  return { ...target, pushes: [blockerRoom('leave', input.characterId, target.id)] };
}

/** Ids this character blocks. */
export async function blockedBy(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<string[]> {
  const rows = await deps.db.characterBlock.findMany({
    where: { blockerId: characterId },
    select: { blockedId: true },
    take: CHARACTER_BLOCK_MAX,
  });
  return rows.map((r) => r.blockedId);
}

/** Whether `blockerId` blocks `blockedId`. */
export async function isBlocked(
  deps: Pick<GameDeps, 'db'>,
  blockerId: string,
  blockedId: string,
): Promise<boolean> {
  const row = await deps.db.characterBlock.findUnique({
    where: { blockerId_blockedId: { blockerId, blockedId } },
    select: { blockerId: true },
  });
  return row !== null;
}
