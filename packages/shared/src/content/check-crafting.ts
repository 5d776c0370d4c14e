/**
 * Cross-checks of the crafting content: recipes and salvage tables against items,
 * loot, NPCs and zones. check.ts parses everything and calls checkCrafting; this
 * file looks at what a schema cannot see:
 * - a recipe makes an existing template of its discipline's kind, from materials a
 *   player can obtain (dropped by a loot table some NPC or crate rolls, or yielded by
 *   salvaging an existing item);
 * - no value loop: salvaging a recipe's output yields, at best, less than its inputs
 *   are worth, and salvaging any item yields, at best, less than the item is worth.
 */
import type { ContentProblem } from './content-problem';
import { RARITIES, type ItemTemplate } from './item-schema';
import type { LootRef, LootTable } from './loot-schema';
import type { NpcTemplate } from './npc-schema';
import { DISCIPLINE_OUTPUT_KIND, type Recipe, type RecipeItem } from './recipe-schema';
import { SALVAGEABLE_KINDS, type SalvageTable } from './salvage-schema';

export interface CraftingWorld {
  items: readonly ItemTemplate[];
  tables: readonly LootTable[];
  npcs: readonly NpcTemplate[];
  zoneLootRefs: readonly { lootTable: string }[];
  recipes: readonly Recipe[];
  salvage: readonly SalvageTable[];
}

/** Item template ids some loot table an NPC or a crate rolls can drop (nested tables followed). */
export function droppedItemIds(
  tables: readonly LootTable[],
  roots: readonly string[],
): Set<string> {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const items = new Set<string>();
  const visit = (id: string) => {
    const t = byId.get(id);
    if (!t || seen.has(id)) return;
    seen.add(id);
    const refs: LootRef[] = [...t.guaranteed, ...t.groups.flatMap((g) => g.entries)];
    for (const r of refs) {
      if (r.item !== undefined) items.add(r.item);
      if (r.table !== undefined) visit(r.table);
    }
  };
  roots.forEach(visit);
  return items;
}

export function checkCrafting(w: CraftingWorld, problems: ContentProblem[]) {
  const item = new Map(w.items.map((t) => [t.id, t]));
  const table = new Map(w.salvage.map((t) => [`${t.kind}_${t.rarity}`, t]));
  const valueOf = (id: string) => item.get(id)?.value ?? 0;
  const worth = (list: readonly RecipeItem[]) =>
    list.reduce((sum, i) => sum + valueOf(i.templateId) * i.quantity, 0);
  const salvageMax = (t: SalvageTable) =>
    t.yields.reduce((sum, y) => sum + valueOf(y.templateId) * y.max, 0);
  const tableFor = (t: ItemTemplate) => table.get(`${t.kind}_${t.rarity}`);

  // ── salvage ──────────────────────────────────────────────────────────────
  for (const s of w.salvage) {
    const p = (message: string) => problems.push({ kind: 'salvage', id: s.id, message });
    for (const y of s.yields) {
      const t = item.get(y.templateId);
      if (!t) p(`unknown item ${y.templateId}`);
      else if (t.kind !== 'material') p(`${y.templateId} is a ${t.kind}, not a material`);
    }
    const covered = w.items.filter((t) => t.kind === s.kind && t.rarity === s.rarity);
    if (covered.length === 0) p('covers no item template');
    const max = salvageMax(s);
    for (const t of covered)
      if (max >= t.value) p(`yields up to ${max}, not less than ${t.id} is worth (${t.value})`);
  }
  for (const kind of SALVAGEABLE_KINDS)
    for (const rarity of RARITIES) {
      const covered = w.items.filter((t) => t.kind === kind && t.rarity === rarity);
      if (covered.length > 0 && !table.has(`${kind}_${rarity}`))
        problems.push({
          kind: 'salvage',
          id: `${kind}_${rarity}`,
          message: `no table for ${covered.length} template(s), e.g. ${covered[0]!.id}`,
        });
    }

  // ── recipes ──────────────────────────────────────────────────────────────
  const roots = [...w.npcs.map((n) => n.lootTable), ...w.zoneLootRefs.map((r) => r.lootTable)];
  const dropped = droppedItemIds(w.tables, roots);
  const salvaged = new Set(
    w.salvage
      .filter((s) => w.items.some((t) => t.kind === s.kind && t.rarity === s.rarity))
      .flatMap((s) => s.yields.map((y) => y.templateId)),
  );
  for (const r of w.recipes) {
    const p = (message: string) => problems.push({ kind: 'recipe', id: r.id, message });
    const out = item.get(r.output.templateId);
    const kind = DISCIPLINE_OUTPUT_KIND[r.discipline];
    if (!out) p(`unknown output ${r.output.templateId}`);
    else {
      if (out.kind !== kind) p(`${r.discipline} makes ${kind}, not ${out.kind} (${out.id})`);
      if (r.output.quantity > out.stackSize)
        p(`output quantity ${r.output.quantity} exceeds ${out.id}'s stack size ${out.stackSize}`);
    }
    for (const i of r.inputs) {
      const t = item.get(i.templateId);
      if (!t) p(`unknown input ${i.templateId}`);
      else if (t.kind !== 'material') p(`input ${i.templateId} is a ${t.kind}, not a material`);
      else if (!dropped.has(t.id) && !salvaged.has(t.id))
        p(`input ${t.id} cannot be obtained (no loot table an NPC or crate rolls, no salvage)`);
    }
    const salvage = out && tableFor(out);
    if (salvage) {
      const back = salvageMax(salvage) * r.output.quantity;
      const cost = worth(r.inputs);
      if (back >= cost)
        p(
          `value loop: salvaging the output yields up to ${back}, not less than the inputs (${cost})`,
        );
    }
  }
}
