/**
 * Item templates are isomorphic content (packages/shared): the client reads names,
 * stats and glyphs locally instead of shipping them with every inventory response.
 */
import { itemTemplateById, type ItemTemplate } from '@necp/shared';

export function templateOf(id: string): ItemTemplate | undefined {
  return itemTemplateById(id);
}

/** Display name even for a template this client build does not know yet. */
export const itemName = (id: string) => templateOf(id)?.name ?? id.replace(/_/g, ' ');

export const SLOT_LABEL: Record<string, string> = {
  head: 'Head',
  body: 'Body',
  legs: 'Legs',
  feet: 'Feet',
  hands: 'Hands',
  main_hand: 'Main hand',
  off_hand: 'Off hand',
  two_hand: 'Two-handed',
  cyberware: 'Cyberware',
  cyber_1: 'Cyber 1',
  cyber_2: 'Cyber 2',
};

export const KIND_LABEL: Record<string, string> = {
  weapon: 'Weapon',
  armor: 'Armour',
  cyberware: 'Cyberware',
  consumable: 'Consumable',
  material: 'Material',
  junk: 'Junk',
  quest: 'Quest item',
};
