import { z } from 'zod';
import { readRows } from '@necp/db';
import { InventoryGetInputSchema, type InventoryView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { CarriedItemSchema, MAX_CARRIED } from './carried-items';
import { inventoryView } from './read-inventory';
import { loadTemplates } from './templates';
import { characterNotFound } from '../core/errors';

const int = z.number().int();
/** The one row getInventory reads (raw SQL is typed by nothing else, so it is parsed). */
const InventoryRowSchema = z.object({
  id: z.string(),
  bagSlots: int,
  eddies: int,
  level: int,
  body: int,
  reflexes: int,
  technical: int,
  intelligence: int,
  cool: int,
  items: z.array(CarriedItemSchema).max(MAX_CARRIED),
});

/**
 * Bag, equipment, weight, eddies and derived stats of one live character. One statement (the character row with its items aggregated): a single
 * statement reads one snapshot, so it never shows half of a concurrent move — what a
 * REPEATABLE READ transaction of three model queries gave before, at ~1 ms of CPU
 * per Prisma model query (docs/perf.md, "The web tier"); a prepared statement on the
 * pool (readRows), not `$queryRaw`, which costs ~0.5 ms more. Templates come from the
 * process's cache (templates.ts).
 */
export async function getInventory(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string },
): Promise<InventoryView> {
  const { characterId } = parseInput(InventoryGetInputSchema, input);
  const rows = await readRows(deps.db, {
    name: 'necp_get_inventory',
    text: `SELECT c.id, c."bagSlots", c.eddies, c.level, c.body, c.reflexes, c.technical,
        c.intelligence, c.cool,
        COALESCE((
          SELECT json_agg(json_build_object(
            'id', i.id, 'templateId', i."templateId", 'quantity', i.quantity,
            'durability', i.durability, 'container', i.container, 'slot', i.slot,
            'boundCharacterId', i."boundCharacterId", 'quality', i.quality) ORDER BY i.slot)
          FROM "Item" i
          WHERE i."characterId" = c.id AND i.container IN ('BAG', 'EQUIPMENT')
        ), '[]'::json) AS items
      FROM "Character" c
      WHERE c.id = $1 AND c."deletedAt" IS NULL`,
    values: [characterId],
  });
  if (rows.length === 0) throw characterNotFound(characterId);
  const row = InventoryRowSchema.parse(rows[0]);
  const templates = await loadTemplates(
    deps.db,
    row.items.map((i) => i.templateId),
  );
  return inventoryView(row, row.items, templates);
}
