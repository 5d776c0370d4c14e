/**
 * A dungeon's or raid's boss died: `dungeon.cleared` or `raid.cleared` for the
 * members inside (the achievements subscriber counts it for each of them). One event
 * per instance, keyed by the instance: a second call — a retry, a boss dying twice —
 * publishes nothing, and the subscriber's per-character key (`achievements:<event
 * key>`) credits each member exactly once.
 */
import { z } from 'zod';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { publishEvent } from '../outbox/publish-event';
import { inTransaction } from '../core/transaction';

export const RecordInstanceClearedInputSchema = z.object({
  /** which event: a dungeon's or a raid's clear */
  kind: z.enum(['dungeon', 'raid']),
  /** the instance's zone id */
  instanceId: z.string().min(1),
  /** the dungeon's or raid's template id */
  templateId: z.string().min(1),
  /** the members inside when the boss died */
  characterIds: z.array(z.string().min(1)).min(1),
});
export type RecordInstanceClearedInput = z.infer<typeof RecordInstanceClearedInputSchema>;

/** True when this call published the event (false: it was published before). */
export async function recordInstanceCleared(
  deps: Pick<GameDeps, 'db'>,
  input: RecordInstanceClearedInput,
): Promise<boolean> {
  const { kind, instanceId, templateId, characterIds } = parseInput(
    RecordInstanceClearedInputSchema,
    input,
  );
  const ids = [...new Set(characterIds)].sort();
  return inTransaction(deps.db, (tx) =>
    kind === 'dungeon'
      ? publishEvent(tx, {
          type: 'dungeon.cleared',
          key: `dungeon.cleared:${instanceId}`,
          payload: { instanceId, dungeonId: templateId, characterIds: ids },
        })
      : publishEvent(tx, {
          type: 'raid.cleared',
          key: `raid.cleared:${instanceId}`,
          payload: { instanceId, raidId: templateId, characterIds: ids },
        }),
  );
}
