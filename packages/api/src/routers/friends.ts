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
import { characterProcedure, createTRPCRouter } from '../trpc';

/** The friends panel (docs/social.md): every rule is in packages/game/src/friends. */
export const friendsRouter = createTRPCRouter({
  list: characterProcedure
    .input(FriendsListInputSchema)
    .query(({ ctx, input }) => listFriends(ctx.deps, input.characterId)),

  request: characterProcedure
    .input(FriendByNameInputSchema)
    .mutation(({ ctx, input }) =>
      requestFriend(ctx.deps, { characterId: input.characterId, name: input.name }),
    ),

  accept: characterProcedure.input(FriendRequestInputSchema).mutation(({ ctx, input }) =>
    acceptFriend(ctx.deps, {
      characterId: input.characterId,
      requestId: input.requestId,
    }),
  ),

  decline: characterProcedure.input(FriendRequestInputSchema).mutation(async ({ ctx, input }) => {
    await dropFriendRequest(ctx.deps, {
      characterId: input.characterId,
      requestId: input.requestId,
      as: 'recipient',
    });
    return { ok: true as const };
  }),

  cancel: characterProcedure.input(FriendRequestInputSchema).mutation(async ({ ctx, input }) => {
    await dropFriendRequest(ctx.deps, {
      characterId: input.characterId,
      requestId: input.requestId,
      as: 'sender',
    });
    return { ok: true as const };
  }),

  remove: characterProcedure.input(FriendRemoveInputSchema).mutation(async ({ ctx, input }) => {
    await removeFriend(ctx.deps, {
      characterId: input.characterId,
      friendId: input.friendId,
    });
    return { ok: true as const };
  }),

  // the blocker's live sockets follow through the block's outbox event (as for chat:ignore)
  block: characterProcedure.input(FriendByNameInputSchema).mutation(async ({ ctx, input }) => {
    const { id, name } = await blockCharacter(ctx.deps, {
      characterId: input.characterId,
      name: input.name,
    });
    return { id, name };
  }),

  unblock: characterProcedure.input(FriendByNameInputSchema).mutation(async ({ ctx, input }) => {
    const { id, name } = await unblockCharacter(ctx.deps, {
      characterId: input.characterId,
      name: input.name,
    });
    return { id, name };
  }),
});
