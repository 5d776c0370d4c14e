import { z } from 'zod';
import { closedSet } from '../core/closed-columns';
import type { Tx } from '../core/deps';

const int = z.number().int();
/** far above any bag and equipment (a cap on what a parse accepts, as every list has) */
export const MAX_CARRIED = 1000;

/** An item in a bag or equipment slot as the inventory view needs it (from raw SQL, so parsed). */
export const CarriedItemSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  quantity: int,
  durability: int.nullable(),
  container: z.enum(['BAG', 'EQUIPMENT']),
  slot: int,
  boundCharacterId: z.string().nullable(),
  quality: closedSet.Item.quality.nullable(),
});
export type CarriedItem = z.infer<typeof CarriedItemSchema>;

/**
 * A character's bag and equipment items by slot, in the caller's transaction (so it
 * sees the caller's own writes). Raw: a Prisma model query costs ~1 ms of CPU to
 * compile at every call (docs/perf.md, "The web tier"), and every inventory mutation
 * ends with this read. BUYBACK rows keep the seller's characterId and are left out.
 */
export async function readCarriedItems(tx: Tx, characterId: string): Promise<CarriedItem[]> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT i.id, i."templateId", i.quantity, i.durability, i.container::text AS container,
      i.slot, i."boundCharacterId", i.quality
    FROM "Item" i
    WHERE i."characterId" = ${characterId} AND i.container IN ('BAG', 'EQUIPMENT')
    ORDER BY i.slot`;
  return z.array(CarriedItemSchema).max(MAX_CARRIED).parse(rows);
}
