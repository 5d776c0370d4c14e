import {
  FriendByNameInputSchema,
  FriendRemoveInputSchema,
  FriendRequestInputSchema,
  FriendsListInputSchema,
} from '@necp/shared';
import {
  acceptFriend,
  blockCharacter,
  dropFriendRequest,
  listFriends,
  removeFriend,
  requestFriend,
  unblockCharacter,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

const own = ownCharacterId;

/** The friends panel (docs/social.md): every rule is in packages/game/src/friends. */
export const friendsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(FriendsListInputSchema)
    .query(async ({ ctx, input }) => listFriends(ctx.deps, await own(ctx, input.characterId))),

  request: protectedProcedure
    .input(FriendByNameInputSchema)
    .mutation(async ({ ctx, input }) =>
      requestFriend(ctx.deps, { characterId: await own(ctx, input.characterId), name: input.name }),
    ),

  accept: protectedProcedure.input(FriendRequestInputSchema).mutation(async ({ ctx, input }) =>
    acceptFriend(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      requestId: input.requestId,
    }),
  ),

  decline: protectedProcedure.input(FriendRequestInputSchema).mutation(async ({ ctx, input }) => {
    const characterId = await own(ctx, input.characterId);
    await dropFriendRequest(ctx.deps, { characterId, requestId: input.requestId, as: 'recipient' });
    return { ok: true as const };
  }),

  cancel: protectedProcedure.input(FriendRequestInputSchema).mutation(async ({ ctx, input }) => {
    const characterId = await own(ctx, input.characterId);
    await dropFriendRequest(ctx.deps, { characterId, requestId: input.requestId, as: 'sender' });
    return { ok: true as const };
  }),

  remove: protectedProcedure.input(FriendRemoveInputSchema).mutation(async ({ ctx, input }) => {
    await removeFriend(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      friendId: input.friendId,
    });
    return { ok: true as const };
  }),

  // the blocker's live sockets follow through the block's outbox event (as for chat:ignore)
  block: protectedProcedure.input(FriendByNameInputSchema).mutation(async ({ ctx, input }) => {
    const { id, name } = await blockCharacter(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      name: input.name,
    });
    return { id, name };
  }),

  unblock: protectedProcedure.input(FriendByNameInputSchema).mutation(async ({ ctx, input }) => {
    const { id, name } = await unblockCharacter(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      name: input.name,
    });
    return { id, name };
  }),
});
