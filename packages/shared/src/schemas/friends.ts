/** tRPC inputs of the friends panel (the character is always one of the caller's). */
import { z } from 'zod';
import { CharacterNameRefSchema as CharacterName, IdSchema } from './primitives';

export const FriendsListInputSchema = z.object({ characterId: IdSchema });
export const FriendByNameInputSchema = z.object({ characterId: IdSchema, name: CharacterName });
export const FriendRequestInputSchema = z.object({ characterId: IdSchema, requestId: IdSchema });
export const FriendRemoveInputSchema = z.object({ characterId: IdSchema, friendId: IdSchema });
