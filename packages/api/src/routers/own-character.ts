import { ownedCharacterId } from '@necp/game';
import type { Context } from '../trpc';

/** The caller's own character id (someone else's is NOT_FOUND, like a missing one). */
export const ownCharacterId = async (
  ctx: Context & { session: { userId: string } },
  characterId: string,
): Promise<string> => ownedCharacterId(ctx.deps, ctx.session.userId, characterId);
