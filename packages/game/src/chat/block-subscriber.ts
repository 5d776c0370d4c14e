/**
 * A block or unblock committed (character.block_changed, chat/blocks.ts): the blocker's
 * sockets, on whichever process, join or leave the room that keeps the blocked side's
 * messages out (pushes.ts `blockersOf`). The block is read here, so a late or repeated
 * event never brings back a state the player has since changed.
 */
import type { Push } from '@necp/shared';
import type { OutboxSubscriber } from '../outbox/subscribers';

/** The blocker's sockets join (blocked) or leave the room that keeps the blocked side's messages out. */
export const blockRoomPush = (blockerId: string, blockedId: string, blocked: boolean): Push => ({
  kind: blocked ? 'join' : 'leave',
  characters: [blockerId],
  room: { blockersOf: blockedId },
});

export function blockOutboxSubscriber(): OutboxSubscriber<'character.block_changed'> {
  return {
    name: 'sim-blocks',
    types: ['character.block_changed'],
    handle: async (tx, event, ctx) => {
      const { blockerId, blockedId } = event.payload;
      const row = await tx.characterBlock.findUnique({
        where: { blockerId_blockedId: { blockerId, blockedId } },
        select: { blockerId: true },
      });
      ctx.push(blockRoomPush(blockerId, blockedId, row !== null));
    },
  };
}
