import type { MatchmakingDeps } from './matchmaking-deps';

/**
 * A confirmed match is over (its instance closed): its members may queue again.
 * False when it is not a confirmed match (already released, or expired after
 * MATCH_CONFIRMED_TTL_MS).
 */
export async function releaseMatch(
  deps: Pick<MatchmakingDeps, 'store'>,
  input: { matchId: string },
): Promise<boolean> {
  const m = await deps.store.match(input.matchId);
  if (!m || m.phase !== 'confirmed') return false;
  return deps.store.release(m);
}
