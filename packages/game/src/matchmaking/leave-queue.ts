import { notQueued } from './errors';
import type { MatchmakingDeps } from './matchmaking-deps';
import { memberIdsOf } from './tickets';

/**
 * Leave the queue: the whole ticket goes (a party queued together leaves together;
 * any member may pull it). No penalty — only a dodged ready check costs one.
 * Returns the ticket's members, so the sim can tell them all.
 */
export async function leaveQueue(
  deps: Pick<MatchmakingDeps, 'store'>,
  input: { characterId: string },
): Promise<{ memberIds: string[] }> {
  const ticket = await deps.store.leave(input.characterId);
  if (!ticket) throw notQueued();
  return { memberIds: memberIdsOf(ticket) };
}
