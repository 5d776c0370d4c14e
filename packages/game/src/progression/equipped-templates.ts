import { ItemTemplateSchema, type ItemTemplate } from '@necp/shared';
import type { Db, Tx } from '../core/deps';

/** The ItemTemplate row's `data` is the full content object the game reads. */
const parseTemplate = (data: unknown): ItemTemplate => ItemTemplateSchema.parse(data);

export interface CarriedItems {
  /** templates of equipped items that are not broken (durability > 0 or none) */
  equipped: ItemTemplate[];
  /** kg in bag and equipment (broken gear still weighs) */
  weight: number;
}

/** Reads what a character carries; call after locking the character row when writing. */
export async function loadCarriedItems(db: Db | Tx, characterId: string): Promise<CarriedItems> {
  const items = await db.item.findMany({
    where: { characterId, container: { in: ['BAG', 'EQUIPMENT'] } },
    select: {
      container: true,
      quantity: true,
      durability: true,
      template: { select: { data: true } },
    },
  });
  const equipped: ItemTemplate[] = [];
  let weight = 0;
  for (const i of items) {
    const t = parseTemplate(i.template.data);
    weight += t.weight * i.quantity;
    if (i.container === 'EQUIPMENT' && (i.durability === null || i.durability > 0))
      equipped.push(t);
  }
  return { equipped, weight: Math.round(weight * 100) / 100 };
}
