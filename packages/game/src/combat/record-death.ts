import { DEATH_DURABILITY_PENALTY, parseInstanceZoneId, ZoneFenceSchema } from '@necp/shared';
import { z } from 'zod';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { publishEvent } from '../outbox/publish-event';
import { assertZoneOwner } from '../cluster/zone-ownership';
import { inTransaction } from '../core/transaction';

export const RecordPlayerDeathInputSchema = z.object({
  characterId: z.string().min(1),
  zoneId: z.string().min(1),
  /** where they fell (metres) */
  x: z.number().finite(),
  y: z.number().finite(),
  killer: z
    .object({ kind: z.enum(['npc', 'player']), id: z.string().min(1), name: z.string() })
    .nullable(),
  /** unique per death (the sim's id for this life): a retried write penalises once */
  deathKey: z.string().min(1).max(200),
  /** the zone's lease token: refused (staleZoneOwner) once another process owns the zone */
  fence: ZoneFenceSchema.optional(),
});
export type RecordPlayerDeathInput = z.input<typeof RecordPlayerDeathInputSchema>;

export interface WornItem {
  itemId: string;
  templateId: string;
  durability: number;
  maxDurability: number;
}

export interface RecordPlayerDeathResult {
  /** this death was already recorded (same deathKey): nothing changed now */
  duplicate: boolean;
  /** new durability of every equipped item that has one */
  items: WornItem[];
}

/** Durability an item loses on death: a fixed share of its maximum, rounded up. */
export const deathDurabilityLoss = (maxDurability: number) =>
  Math.ceil(DEATH_DURABILITY_PENALTY * maxDurability);

/**
 * A player died: in one transaction every equipped item with durability loses
 * deathDurabilityLoss (never below 0), health 0 and the place of death are saved,
 * and `character.died` is published (keyed by deathKey, so a retry changes nothing).
 * A death inside an instance saves no place nor health: the row keeps its open-world
 * return point (an instance zone is no Zone row; docs/instances.md) — the event
 * still names the instance where they fell.
 * Locks character → items, like the inventory services.
 */
export async function recordPlayerDeath(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  input: RecordPlayerDeathInput,
): Promise<RecordPlayerDeathResult> {
  const { characterId, zoneId, x, y, killer, deathKey, fence } = parseInput(
    RecordPlayerDeathInputSchema,
    input,
  );
  const result = await inTransaction(deps.db, async (tx) => {
    await assertZoneOwner(tx, fence);
    await lockCharacter(tx, characterId);
    const fresh = await publishEvent(tx, {
      type: 'character.died',
      key: deathKey,
      payload: { characterId, zoneId, x, y, killer },
    });
    if (!fresh) return { duplicate: true, items: [] };
    const items = (await lockCharacterItems(tx, characterId)).filter(
      (i) => i.container === 'EQUIPMENT' && i.durability !== null,
    );
    const templates = await tx.itemTemplate.findMany({
      where: { id: { in: items.map((i) => i.templateId) } },
      select: { id: true, maxDurability: true },
    });
    const maxOf = new Map(templates.map((t) => [t.id, t.maxDurability]));
    const worn: WornItem[] = [];
    for (const i of items) {
      const max = maxOf.get(i.templateId);
      if (!max || i.durability === null) continue;
      const durability = Math.max(0, i.durability - deathDurabilityLoss(max));
      if (durability !== i.durability)
        await tx.item.update({ where: { id: i.id }, data: { durability } });
      worn.push({ itemId: i.id, templateId: i.templateId, durability, maxDurability: max });
    }
    const place = parseInstanceZoneId(zoneId) ? {} : { health: 0, zoneId, x, y };
    await tx.character.update({
      where: { id: characterId },
      data: { ...place, lastPlayedAt: deps.clock.now() },
    });
    return { duplicate: false, items: worn };
  });
  deps.log.info({ characterId, deathKey, killer, ...result }, 'player death recorded');
  return result;
}
