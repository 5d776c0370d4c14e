/**
 * Loot rolls (semantics in content/loot-schema.ts). Pure and deterministic: the
 * same table, level, quests and RNG seed always give the same result, so a drop
 * can be replayed in a test. Quantities are not split by stack size here; the
 * caller does that when it places the items.
 */
import { ITEM_TEMPLATES } from '../content/items';
import { RARITIES, type ItemTemplate, type Rarity } from '../content/item-schema';
import type { LootCondition, LootPool, LootRef, LootTable } from '../content/loot-schema';
import { LOOT_TABLES_BY_ID } from '../content/loot-tables';
import { LEVEL_CAP } from '../content/progression';

/** The game's seeded Rng fits: int in [min, max], float in [0, 1). */
export interface LootRng {
  int(min: number, max: number): number;
  float(): number;
}

export interface LootContent {
  tables: ReadonlyMap<string, LootTable>;
  templates: readonly ItemTemplate[];
}

export interface RollLootOptions {
  /** level of the source (monster, crate, boss); drives pools, conditions and currency */
  level: number;
  rng: LootRng;
  /** the looter's active quests, for `questActive` conditions */
  activeQuestIds?: readonly string[];
  /** defaults to the shipped content; tests pass fixtures */
  content?: LootContent;
}

export interface LootItem {
  templateId: string;
  quantity: number;
}

export interface LootRoll {
  /** one entry per template, in the order first rolled */
  items: LootItem[];
  eddies: number;
}

/** Rarity roll used by tables that set no rarityWeights. */
export const DEFAULT_RARITY_WEIGHTS: Readonly<Record<Rarity, number>> = {
  common: 60,
  uncommon: 25,
  rare: 10,
  epic: 4,
  legendary: 1,
};

/** Nested tables deeper than this are not rolled (content should never come close). */
export const MAX_LOOT_DEPTH = 8;

const SHIPPED: LootContent = { tables: LOOT_TABLES_BY_ID, templates: ITEM_TEMPLATES };

export const clampLootLevel = (level: number) =>
  Math.min(LEVEL_CAP, Math.max(1, Math.floor(level)));

export function conditionHolds(
  c: LootCondition | undefined,
  level: number,
  activeQuestIds: readonly string[],
): boolean {
  if (!c) return true;
  if (c.minLevel !== undefined && level < c.minLevel) return false;
  if (c.maxLevel !== undefined && level > c.maxLevel) return false;
  if (c.questActive !== undefined && !activeQuestIds.includes(c.questActive)) return false;
  return true;
}

/** Currency multiplier: 1 at level 1, growing linearly by `levelScaling` per level. */
export const currencyScale = (levelScaling: number, level: number) =>
  1 + levelScaling * (clampLootLevel(level) - 1);

/**
 * Templates a pool can give at `level`, grouped by rarity and sorted by id (so the
 * pick does not depend on the order of the content files).
 */
export function poolCandidates(
  pool: LootPool,
  level: number,
  templates: readonly ItemTemplate[],
): Map<Rarity, ItemTemplate[]> {
  const lo = level - pool.levelBelow;
  const hi = level + pool.levelAbove;
  const out = new Map<Rarity, ItemTemplate[]>();
  for (const t of templates) {
    if (t.kind !== pool.kind || (pool.slot !== undefined && t.slot !== pool.slot)) continue;
    if (t.levelReq < lo || t.levelReq > hi) continue;
    const list = out.get(t.rarity) ?? [];
    list.push(t);
    out.set(t.rarity, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

export function rollRarity(
  weights: Partial<Record<Rarity, number>> | undefined,
  rng: LootRng,
): Rarity {
  const w = weights ?? DEFAULT_RARITY_WEIGHTS;
  const total = RARITIES.reduce((s, r) => s + (w[r] ?? 0), 0);
  if (total <= 0) return 'common';
  let x = rng.float() * total;
  for (const r of RARITIES) {
    x -= w[r] ?? 0;
    if (x < 0) return r;
  }
  // float rounding can leave x ≥ 0 after the last subtraction: the last weighted rarity
  return [...RARITIES].reverse().find((r) => (w[r] ?? 0) > 0) ?? 'common';
}

/** Index picked by weight: one float draw. */
function pickWeighted(weights: readonly number[], rng: LootRng): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = rng.float() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

class Roller {
  private readonly items = new Map<string, number>();
  private eddies = 0;
  private readonly stack: string[] = [];
  private readonly quests: readonly string[];
  private readonly level: number;

  constructor(
    private readonly content: LootContent,
    private readonly rng: LootRng,
    level: number,
    activeQuestIds: readonly string[],
  ) {
    this.level = clampLootLevel(level);
    this.quests = activeQuestIds;
  }

  result(): LootRoll {
    return {
      items: [...this.items].map(([templateId, quantity]) => ({ templateId, quantity })),
      eddies: this.eddies,
    };
  }

  private holds(c: LootCondition | undefined) {
    return conditionHolds(c, this.level, this.quests);
  }

  private add(templateId: string, quantity: number) {
    this.items.set(templateId, (this.items.get(templateId) ?? 0) + quantity);
  }

  private count(ref: LootRef) {
    return ref.min === ref.max ? ref.min : this.rng.int(ref.min, ref.max);
  }

  table(id: string) {
    const t = this.content.tables.get(id);
    if (!t) throw new Error(`unknown loot table ${id}`);
    // a cycle or runaway nesting yields nothing more (checkContent reports cycles)
    if (this.stack.includes(id) || this.stack.length >= MAX_LOOT_DEPTH) return;
    if (!this.holds(t.condition)) return;
    this.stack.push(id);
    for (const ref of t.guaranteed) if (this.holds(ref.condition)) this.ref(ref, t);
    for (const g of t.groups) {
      if (!this.holds(g.condition)) continue;
      // the chance draw always happens, so one group's outcome never shifts the next group's draws
      const hit = this.rng.float() < g.chance;
      const eligible = g.entries.filter((e) => this.holds(e.condition));
      if (!hit || eligible.length === 0) continue;
      const picked =
        eligible[
          pickWeighted(
            eligible.map((e) => e.weight),
            this.rng,
          )
        ];
      if (picked) this.ref(picked, t);
    }
    if (t.currency) {
      const base = this.rng.int(t.currency.min, Math.max(t.currency.min, t.currency.max));
      this.eddies += Math.round(base * currencyScale(t.levelScaling, this.level));
    }
    this.stack.pop();
  }

  private ref(ref: LootRef, owner: LootTable) {
    const n = this.count(ref);
    if (ref.item !== undefined) this.add(ref.item, n);
    else if (ref.table !== undefined) for (let i = 0; i < n; i++) this.table(ref.table);
    else if (ref.pool !== undefined) for (let i = 0; i < n; i++) this.pool(ref.pool, owner);
  }

  private pool(pool: LootPool, owner: LootTable) {
    let rarity = RARITIES.indexOf(rollRarity(owner.rarityWeights, this.rng));
    const floor = pool.minRarity ? RARITIES.indexOf(pool.minRarity) : 0;
    rarity = Math.max(rarity, floor);
    const candidates = poolCandidates(pool, this.level, this.content.templates);
    const t = pickFromCandidates(candidates, rarity, floor, this.rng);
    if (t) this.add(t.id, 1);
  }
}

/**
 * The rolled rarity if the window has one, else the nearest lower rarity down to
 * the floor, else the nearest higher one (a thin window still drops something).
 */
function pickFromCandidates(
  candidates: Map<Rarity, ItemTemplate[]>,
  rolled: number,
  floor: number,
  rng: LootRng,
): ItemTemplate | undefined {
  const order: number[] = [];
  for (let r = rolled; r >= floor; r--) order.push(r);
  for (let r = rolled + 1; r < RARITIES.length; r++) order.push(r);
  for (const r of order) {
    const list = candidates.get(RARITIES[r] ?? 'common');
    if (list && list.length > 0) return list[rng.int(0, list.length - 1)];
  }
  return undefined;
}

/** Rolls a loot table. Throws on an unknown table id (content is checked at build time). */
export function rollLoot(tableId: string, opts: RollLootOptions): LootRoll {
  const roller = new Roller(
    opts.content ?? SHIPPED,
    opts.rng,
    opts.level,
    opts.activeQuestIds ?? [],
  );
  roller.table(tableId);
  return roller.result();
}
