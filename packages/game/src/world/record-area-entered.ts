import { zoneById, ZoneFenceSchema } from '@necp/shared';
import { z } from 'zod';
import type { GameDeps } from '../core/deps';
import { characterNotFound, DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { publishEvent } from '../outbox/publish-event';
import { assertZoneOwner } from '../cluster/zone-ownership';
import { inTransaction } from '../core/transaction';

export const RecordAreaEnteredInputSchema = z.object({
  characterId: z.string().min(1).max(64),
  zoneId: z.string().min(1).max(32),
  areaId: z.string().min(1).max(64),
  /** unique per entry (the sim uses `area.entered:<characterId>:<areaId>:<clock ms>`): a retry publishes once */
  key: z.string().min(1).max(200),
  /** the zone's lease token: refused (staleZoneOwner) once another process owns the zone */
  fence: ZoneFenceSchema.optional(),
});
export type RecordAreaEnteredInput = z.input<typeof RecordAreaEnteredInputSchema>;

/**
 * The sim saw a character enter a named area of a zone: publishes `area.entered`
 * (quest `reach` objectives listen) in a small transaction of its own. The area
 * must be one of the zone's content areas and the character must exist (NOT_FOUND
 * otherwise). Returns false when an event with this key was already published —
 * a retry after a lost reply.
 */
export async function recordAreaEntered(
  deps: Pick<GameDeps, 'db'>,
  input: RecordAreaEnteredInput,
): Promise<boolean> {
  const { characterId, zoneId, areaId, key, fence } = parseInput(
    RecordAreaEnteredInputSchema,
    input,
  );
  const zone = zoneById(zoneId);
  if (!zone) throw new DomainError('NOT_FOUND', `zone ${zoneId} not found`, 'Unknown zone');
  if (!zone.areas.some((a) => a.id === areaId))
    throw new DomainError('NOT_FOUND', `area ${areaId} not in zone ${zoneId}`, 'Unknown area');
  return inTransaction(deps.db, async (tx) => {
    await assertZoneOwner(tx, fence);
    const found = await tx.character.count({ where: { id: characterId, deletedAt: null } });
    if (found === 0) throw characterNotFound(characterId);
    return publishEvent(tx, {
      type: 'area.entered',
      key,
      payload: { characterId, zoneId, areaId },
    });
  });
}
