import type { MatchmakingDeps } from './matchmaking-deps';
import { memberIdsOf } from './tickets';

/**
 * A party's ticket is a snapshot of the party when its leader queued it: once the
 * party changes (someone joins, leaves or is kicked, the leader changes, it is
 * disbanded) the ticket no longer stands for it and leaves its queue. `characterIds`:
 * the party's members before and after the change (any of them may hold the ticket).
 * Returns the ticket's members to tell, or null when the party had none queued (a
 * ready check or a match already formed is left alone: it dissolves or ends by itself).
 */
export async function withdrawPartyTicket(
  deps: Pick<MatchmakingDeps, 'store'>,
  input: { partyId: string; characterIds: readonly string[] },
): Promise<{ memberIds: string[] } | null> {
  for (const characterId of new Set(input.characterIds)) {
    const w = await deps.store.whereabouts(characterId);
    if (w?.kind !== 'queued' || w.ticket.partyId !== input.partyId) continue;
    const left = await deps.store.leave(characterId);
    // matched or pulled meanwhile: nothing of ours to take out
    if (!left || left.id !== w.ticket.id) return null;
    return { memberIds: memberIdsOf(left) };
  }
  return null;
}
