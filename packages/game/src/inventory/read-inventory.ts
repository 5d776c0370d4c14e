import type { Character, Item } from '@necp/db';
import {
  carriedWeight,
  deriveStats,
  type DerivedStats,
  type InventoryView,
  type ItemTemplate,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { isBroken, toEquippedItemView, toItemView, type ItemViewRow } from './item-view';
import { readCarriedItems } from './carried-items';
import { loadTemplates, templateOf } from './templates';

export interface CharacterLoad {
  /** kg carried (bag + equipment) */
  weight: number;
  stats: DerivedStats;
}

/** Weight and derived stats from a character and its items: broken equipment gives nothing. */
export function characterLoad(
  character: Pick<Character, 'level' | 'body' | 'reflexes' | 'technical' | 'intelligence' | 'cool'>,
  items: readonly Pick<Item, 'container' | 'durability' | 'quantity' | 'templateId'>[],
  templates: Map<string, ItemTemplate>,
): CharacterLoad {
  const carried = items.filter((i) => i.container === 'BAG' || i.container === 'EQUIPMENT');
  const equipped = carried
    .filter((i) => i.container === 'EQUIPMENT' && !isBroken(i))
    .map((i) => templateOf(templates, i.templateId));
  const { body, reflexes, technical, intelligence, cool } = character;
  return {
    weight: carriedWeight(
      carried.map((i) => ({ quantity: i.quantity, template: templateOf(templates, i.templateId) })),
    ),
    stats: deriveStats({
      attributes: { body, reflexes, technical, intelligence, cool },
      level: character.level,
      equipped,
    }),
  };
}

/** What an inventory view is made of: the character's columns it shows or derives from. */
export type InventoryCharacter = Pick<
  Character,
  | 'id'
  | 'bagSlots'
  | 'eddies'
  | 'level'
  | 'body'
  | 'reflexes'
  | 'technical'
  | 'intelligence'
  | 'cool'
>;
export type InventoryItem = ItemViewRow & Pick<Item, 'container'>;

/** The inventory window's data from rows already read (bag and equipment items only). */
export function inventoryView(
  character: InventoryCharacter,
  items: readonly InventoryItem[],
  templates: Map<string, ItemTemplate>,
): InventoryView {
  const load = characterLoad(character, items, templates);
  return {
    characterId: character.id,
    bagSlots: character.bagSlots,
    bag: items
      .filter((i) => i.container === 'BAG')
      .map((i) => toItemView(i, templateOf(templates, i.templateId))),
    equipment: items
      .filter((i) => i.container === 'EQUIPMENT')
      .map((i) => toEquippedItemView(i, templateOf(templates, i.templateId))),
    weight: load.weight,
    carryWeight: load.stats.carryWeight,
    eddies: character.eddies,
    stats: load.stats,
  };
}

/** The inventory window's data, read inside the caller's transaction. */
export async function readInventory(tx: Tx, character: Character): Promise<InventoryView> {
  const items = await readCarriedItems(tx, character.id);
  const templates = await loadTemplates(
    tx,
    items.map((i) => i.templateId),
  );
  return inventoryView(character, items, templates);
}
