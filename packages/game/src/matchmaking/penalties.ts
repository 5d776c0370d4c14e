/**
 * Queue penalties (docs/matchmaking.md), kept in PostgreSQL so they outlive a Redis
 * flush and bind on every process: each declined or missed ready check counts, the
 * count loses one step per quiet day, and the n-th offence bars queueing for
 * QUEUE_PENALTY_STEPS_MS[n-1].
 */
import { decayedPenaltyCount, queuePenaltyMs } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { queuePenaltyError } from './errors';

/** Throws QueuePenaltyError for the caller (or else the member barred longest) while barred. */
export async function assertNoQueuePenalty(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  selfId: string,
  members: readonly { characterId: string; name: string }[],
): Promise<void> {
  const now = deps.clock.now();
  const rows = await deps.db.queuePenalty.findMany({
    where: { characterId: { in: members.map((m) => m.characterId) }, until: { gt: now } },
    orderBy: { until: 'desc' },
  });
  const row = rows.find((r) => r.characterId === selfId) ?? rows[0];
  if (!row) return;
  const name = members.find((m) => m.characterId === row.characterId)?.name ?? 'A party member';
  throw queuePenaltyError(
    { characterId: row.characterId, name, self: row.characterId === selfId },
    row.until,
    now.getTime(),
  );
}

/** Counts an offence for each character; returns until when each is barred. */
export async function penaliseQueueDodgers(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterIds: readonly string[],
): Promise<{ characterId: string; until: number }[]> {
  const now = deps.clock.now();
  const out: { characterId: string; until: number }[] = [];
  // one match dissolves once (the store's atomic step), so no two writers share a row
  for (const characterId of [...new Set(characterIds)].sort()) {
    const row = await deps.db.queuePenalty.findUnique({ where: { characterId } });
    const count =
      (row ? decayedPenaltyCount(row.count, row.lastOffenceAt.getTime(), now.getTime()) : 0) + 1;
    const until = new Date(now.getTime() + queuePenaltyMs(count));
    await deps.db.queuePenalty.upsert({
      where: { characterId },
      create: { characterId, count, until, lastOffenceAt: now },
      update: { count, until, lastOffenceAt: now },
    });
    out.push({ characterId, until: until.getTime() });
  }
  return out;
}
