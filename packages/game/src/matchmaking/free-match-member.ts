import type { MatchmakingDeps } from './matchmaking-deps';

/**
 * A member left a confirmed match's instance before it ended (docs/instances.md
 * "Leaving"): they are out of the match for matchmaking — free to queue again once
 * any penalty is served — while the others play on. False: they were not in it.
 */
export function freeMatchMember(
  deps: Pick<MatchmakingDeps, 'store'>,
  input: { matchId: string; characterId: string },
): Promise<boolean> {
  return deps.store.freeMember(input.matchId, input.characterId);
}
