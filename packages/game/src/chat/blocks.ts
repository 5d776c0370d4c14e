/**
 * The block list (the chat's /ignore, the web's friends window): a blocked character's
 * whispers and channel messages never reach the blocker, and the blocked side is not
 * told. A block ends a friendship and pending friend requests; party invites, trade and
 * mail consult the same list. Whichever side made it, the change commits with a
 * `character.block_changed` event, whose subscriber moves the blocker's sockets
 * (block-subscriber.ts) — one path to the chat's filter.
 */
import { CHARACTER_BLOCK_MAX } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { DomainError } from '../core/errors';
import { publishEvent } from '../outbox/publish-event';
import { characterByName } from './characters-by-name';
import { inTransaction } from '../core/transaction';

/**
 * A block is named by its row (the pair and when it was made): blocking again while it
 * stands, or a retry, is the same key; its unblock ends that row (`ended`), and a block
 * made again afterwards is a new row.
 */
const publishBlockChanged = (
  tx: Tx,
  row: { blockerId: string; blockedId: string; createdAt: Date },
  change: 'made' | 'ended',
) =>
  publishEvent(tx, {
    type: 'character.block_changed',
    key: `character.block_changed:${row.blockerId}:${row.blockedId}:${row.createdAt.toISOString()}:${change}`,
    payload: { blockerId: row.blockerId, blockedId: row.blockedId },
  });

export async function blockCharacter(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; name: string },
): Promise<{ id: string; name: string }> {
  const target = await characterByName(deps, input.name);
  if (target.id === input.characterId)
    throw new DomainError('VALIDATION', 'block self', 'You cannot ignore yourself.');
  return inTransaction(deps.db, async (tx) => {
    // the cap counts under the blocker's row lock, so two blocks at once cannot pass it together
    await lockCharacters(tx, [input.characterId], { includeDeleted: true });
    const count = await tx.characterBlock.count({ where: { blockerId: input.characterId } });
    const exists = await tx.characterBlock.findUnique({
      where: { blockerId_blockedId: { blockerId: input.characterId, blockedId: target.id } },
    });
    if (!exists && count >= CHARACTER_BLOCK_MAX)
      throw new DomainError(
        'CONFLICT',
        'block list full',
        `Your ignore list is full (${CHARACTER_BLOCK_MAX}).`,
      );
    const block =
      exists ??
      (await tx.characterBlock.create({
        data: { blockerId: input.characterId, blockedId: target.id },
      }));
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
    await publishBlockChanged(tx, block, 'made');
    return target;
  });
}

export async function unblockCharacter(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; name: string },
): Promise<{ id: string; name: string }> {
  const target = await characterByName(deps, input.name);
  await inTransaction(deps.db, async (tx) => {
    // the row it ends names the event; no block, nothing changed (a retry): nothing to tell
    const ended = await tx.$queryRaw<{ blockerId: string; blockedId: string; createdAt: Date }[]>`
      DELETE FROM "CharacterBlock"
      WHERE "blockerId" = ${input.characterId} AND "blockedId" = ${target.id}
      RETURNING "blockerId", "blockedId", "createdAt"`;
    for (const row of ended) await publishBlockChanged(tx, row, 'ended');
  });
  return target;
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
