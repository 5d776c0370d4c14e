/**
 * A dungeon's boss died: `dungeon.cleared` for the members inside (the achievements
 * subscriber counts it for each of them). One event per instance, keyed by the
 * instance: a second call — a retry, a boss dying twice — publishes nothing, and the
 * subscriber's per-character key (`achievements:<event key>`) credits each member
 * exactly once.
 */
import { z } from 'zod';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../accounts/validation';
import { publishEvent } from '../outbox/publish-event';

export const RecordDungeonClearedInputSchema = z.object({
  /** the instance's zone id */
  instanceId: z.string().min(1),
  /** the dungeon's template id */
  dungeonId: z.string().min(1),
  /** the members inside when the boss died */
  characterIds: z.array(z.string().min(1)).min(1),
});
export type RecordDungeonClearedInput = z.infer<typeof RecordDungeonClearedInputSchema>;

/** True when this call published the event (false: it was published before). */
export async function recordDungeonCleared(
  deps: Pick<GameDeps, 'db'>,
  input: RecordDungeonClearedInput,
): Promise<boolean> {
  const { instanceId, dungeonId, characterIds } = parseInput(
    RecordDungeonClearedInputSchema,
    input,
  );
  return deps.db.$transaction((tx) =>
    publishEvent(tx, {
      type: 'dungeon.cleared',
      key: `dungeon.cleared:${instanceId}`,
      payload: { instanceId, dungeonId, characterIds: [...new Set(characterIds)].sort() },
    }),
  );
}
