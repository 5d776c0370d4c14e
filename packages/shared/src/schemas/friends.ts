/** tRPC inputs of the friends panel (the character is always one of the caller's). */
import { z } from 'zod';
import { IdSchema } from './primitives';

const CharacterName = z
  .string()
  .max(16, { error: 'No such character', abort: true })
  .regex(/^[A-Za-z0-9-]+$/, 'No such character');

export const FriendsListInputSchema = z.object({ characterId: IdSchema });
export const FriendByNameInputSchema = z.object({ characterId: IdSchema, name: CharacterName });
export const FriendRequestInputSchema = z.object({ characterId: IdSchema, requestId: IdSchema });
export const FriendRemoveInputSchema = z.object({ characterId: IdSchema, friendId: IdSchema });
