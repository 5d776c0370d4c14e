import type { GameDeps } from '../core/deps';

/**
 * Until when (epoch ms) the character is barred from queueing after a declined or
 * missed ready check; null when free. The queue window counts it down (also after
 * a reload: the bar lives in PostgreSQL, docs/matchmaking.md).
 */
export async function readQueuePenalty(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { characterId: string },
): Promise<number | null> {
  const row = await deps.db.queuePenalty.findUnique({
    where: { characterId: input.characterId },
    select: { until: true },
  });
  const until = row?.until.getTime() ?? 0;
  return until > deps.clock.ms() ? until : null;
}
