/** Every item template in the game, parsed once at load (a malformed template fails fast). */
import { z } from 'zod';
import { ItemTemplateSchema, type ItemTemplate, type ItemTemplateInput } from '../item-schema';
import { ARMOR } from './armor';
import { CONSUMABLES } from './consumables';
import { CYBERWARE } from './cyberware';
import { JUNK } from './junk';
import { MATERIALS } from './materials';
import { QUEST_ITEMS } from './quest';
import { WEAPONS } from './weapons';

/** Raw content as written (checkContent validates these without throwing). */
export const ITEM_TEMPLATE_INPUTS: readonly ItemTemplateInput[] = [
  ...WEAPONS,
  ...ARMOR,
  ...CYBERWARE,
  ...CONSUMABLES,
  ...MATERIALS,
  ...JUNK,
  ...QUEST_ITEMS,
];

export const ITEM_TEMPLATES: readonly ItemTemplate[] = z
  .array(ItemTemplateSchema)
  .parse(ITEM_TEMPLATE_INPUTS);

const BY_ID = new Map(ITEM_TEMPLATES.map((t) => [t.id, t]));

export const itemTemplateById = (id: string): ItemTemplate | undefined => BY_ID.get(id);
