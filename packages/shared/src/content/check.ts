/**
 * Cross-checks all game content and returns every problem found (an empty list
 * means the content is sound). Schemas catch a malformed object; this catches what
 * a schema cannot see: references between files, cycles, duplicates, and drops
 * that could never happen. content/check.test.ts runs it, so a broken reference
 * fails `pnpm test`.
 */
import type { z } from 'zod';
import { RARITIES, ItemTemplateSchema, type ItemTemplate } from './item-schema';
import { ITEM_TEMPLATE_INPUTS } from './items';
import { LootTableSchema, type LootCondition, type LootRef, type LootTable } from './loot-schema';
import { LOOT_TABLE_INPUTS } from './loot-tables';
import { LEVEL_CAP } from './progression';
import { NpcTemplateSchema, type NpcTemplate } from './npc-schema';
import { NPC_TEMPLATE_INPUTS } from './npcs';
import { SKILLS_INPUT, SkillSchema, type Skill } from './skills';
import { ZONES } from './zones';
import { poolCandidates } from '../rules/loot';

export interface ContentProblem {
  kind: 'item' | 'loot' | 'skill' | 'zone' | 'npc';
  /** id of the offending object (or `#<index>` when it has none) */
  id: string;
  message: string;
}

export interface ContentToCheck {
  items: readonly unknown[];
  lootTables: readonly unknown[];
  skills: readonly unknown[];
  npcs: readonly unknown[];
  /** loot tables named by zone spawn points (loot crates) */
  zoneLootRefs: readonly { zoneId: string; spawnId: string; lootTable: string }[];
}

const shippedZoneLootRefs = () =>
  ZONES.flatMap((z) =>
    z.spawnPoints.flatMap((s) => {
      // read loosely: the zone schema may grow fields this checker does not depend on
      const table = (s as { lootTable?: unknown }).lootTable;
      return typeof table === 'string' ? [{ zoneId: z.id, spawnId: s.id, lootTable: table }] : [];
    }),
  );

export const shippedContent = (): ContentToCheck => ({
  items: ITEM_TEMPLATE_INPUTS,
  lootTables: LOOT_TABLE_INPUTS,
  skills: SKILLS_INPUT,
  npcs: NPC_TEMPLATE_INPUTS,
  zoneLootRefs: shippedZoneLootRefs(),
});

/** Parses each object on its own, so one bad object does not hide problems in the rest. */
function parseAll<T>(
  kind: ContentProblem['kind'],
  schema: z.ZodType<T>,
  raw: readonly unknown[],
  problems: ContentProblem[],
): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  raw.forEach((r, i) => {
    const rawId = (r as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : `#${i}`;
    const parsed = schema.safeParse(r);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          kind,
          id,
          message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
        });
      return;
    }
    if (seen.has(id)) problems.push({ kind, id, message: 'duplicate id' });
    seen.add(id);
    out.push(parsed.data);
  });
  return out;
}

function checkItems(items: readonly ItemTemplate[], problems: ContentProblem[]) {
  for (const t of items) {
    const p = (message: string) => problems.push({ kind: 'item', id: t.id, message });
    if (t.kind === 'weapon') {
      const s = t.stats ?? {};
      for (const k of ['damageMin', 'damageMax', 'damageType', 'attackSpeed', 'range'] as const)
        if (s[k] === undefined) p(`weapon needs stats.${k}`);
    }
    if (t.kind === 'consumable' && !t.effect) p('consumable needs an effect');
  }
}

type Range = { lo: number; hi: number };

const narrow = (r: Range, c: LootCondition | undefined): Range => ({
  lo: Math.max(r.lo, c?.minLevel ?? 1),
  hi: Math.min(r.hi, c?.maxLevel ?? LEVEL_CAP),
});

function checkLootTables(
  tables: readonly LootTable[],
  templates: readonly ItemTemplate[],
  problems: ContentProblem[],
) {
  const templateIds = new Set(templates.map((t) => t.id));
  const tableIds = new Set(tables.map((t) => t.id));

  for (const t of tables) {
    const p = (message: string) => problems.push({ kind: 'loot', id: t.id, message });
    if (t.currency && t.currency.min > t.currency.max) p('currency min exceeds max');
    const tableRange = narrow({ lo: 1, hi: LEVEL_CAP }, t.condition);
    if (tableRange.lo > tableRange.hi)
      p(`impossible level range ${tableRange.lo}–${tableRange.hi}`);

    const checkRef = (ref: LootRef, where: string, outer: Range) => {
      const range = narrow(outer, ref.condition);
      if (range.lo > range.hi) {
        p(`${where}: can never drop (level range ${range.lo}–${range.hi})`);
        return;
      }
      if (ref.item !== undefined && !templateIds.has(ref.item))
        p(`${where}: unknown item ${ref.item}`);
      if (ref.table !== undefined && !tableIds.has(ref.table))
        p(`${where}: unknown table ${ref.table}`);
      if (ref.pool !== undefined) {
        const floor = RARITIES.indexOf(ref.pool.minRarity ?? 'common');
        const empty: number[] = [];
        for (let level = range.lo; level <= range.hi; level++) {
          const c = poolCandidates(ref.pool, level, templates);
          if (!RARITIES.slice(floor).some((r) => (c.get(r)?.length ?? 0) > 0)) empty.push(level);
        }
        if (empty.length > 0)
          p(
            `${where}: pool ${ref.pool.kind}${ref.pool.slot ? `/${ref.pool.slot}` : ''} has no template at level(s) ${empty.join(',')}`,
          );
      }
    };

    t.guaranteed.forEach((ref, i) => checkRef(ref, `guaranteed[${i}]`, tableRange));
    t.groups.forEach((g, gi) => {
      const groupRange = narrow(tableRange, g.condition);
      if (groupRange.lo > groupRange.hi) {
        p(`groups[${gi}]: can never drop (level range ${groupRange.lo}–${groupRange.hi})`);
        return;
      }
      g.entries.forEach((e, ei) => checkRef(e, `groups[${gi}].entries[${ei}]`, groupRange));
    });
  }

  for (const cycle of findCycles(tables))
    problems.push({ kind: 'loot', id: cycle[0] ?? '?', message: `cycle ${cycle.join(' → ')}` });
}

const nestedTables = (t: LootTable): string[] => [
  ...t.guaranteed.flatMap((r) => (r.table ? [r.table] : [])),
  ...t.groups.flatMap((g) => g.entries.flatMap((e) => (e.table ? [e.table] : []))),
];

/** Each cycle once, as the path of table ids that closes on its first. */
function findCycles(tables: readonly LootTable[]): string[][] {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const path: string[] = [];
  const visit = (id: string) => {
    const t = byId.get(id);
    if (!t || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      cycles.push([...path.slice(path.indexOf(id)), id]);
      return;
    }
    state.set(id, 'visiting');
    path.push(id);
    for (const next of nestedTables(t)) visit(next);
    path.pop();
    state.set(id, 'done');
  };
  for (const t of tables) visit(t.id);
  return cycles;
}

function checkSkills(skills: readonly Skill[], problems: ContentProblem[]) {
  const perkIds = new Set<string>();
  for (const s of skills) {
    const p = (message: string) => problems.push({ kind: 'skill', id: s.id, message });
    s.perks.forEach((perk, i) => {
      if (perkIds.has(perk.id)) p(`duplicate perk id ${perk.id}`);
      perkIds.add(perk.id);
      const prev = s.perks[i - 1];
      if (prev && perk.level <= prev.level)
        p(`perk ${perk.id} (level ${perk.level}) is not above ${prev.id} (level ${prev.level})`);
    });
  }
}

function checkNpcs(
  npcs: readonly NpcTemplate[],
  tables: readonly LootTable[],
  problems: ContentProblem[],
) {
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const n of npcs) {
    const p = (message: string) => problems.push({ kind: 'npc', id: n.id, message });
    // level 1–LEVEL_CAP, damage range and field types: NpcTemplateSchema (reported by parseAll)
    if (n.behaviour.leashRange < n.behaviour.aggroRange)
      p(`leashRange ${n.behaviour.leashRange} is below aggroRange ${n.behaviour.aggroRange}`);
    const table = byId.get(n.lootTable);
    if (!table) p(`unknown loot table ${n.lootTable}`);
    else {
      // the table is rolled at the NPC's level: a table gated away from it drops nothing
      const r = narrow({ lo: 1, hi: LEVEL_CAP }, table.condition);
      if (n.level < r.lo || n.level > r.hi)
        p(`loot table ${n.lootTable} never drops at level ${n.level} (levels ${r.lo}–${r.hi})`);
    }
  }
}

export function checkContent(content: ContentToCheck = shippedContent()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const items = parseAll('item', ItemTemplateSchema, content.items, problems);
  const tables = parseAll('loot', LootTableSchema, content.lootTables, problems);
  const skills = parseAll('skill', SkillSchema, content.skills, problems);
  checkItems(items, problems);
  checkLootTables(tables, items, problems);
  checkSkills(skills, problems);
  checkNpcs(parseAll('npc', NpcTemplateSchema, content.npcs, problems), tables, problems);
  const tableIds = new Set(tables.map((t) => t.id));
  for (const ref of content.zoneLootRefs)
    if (!tableIds.has(ref.lootTable))
      problems.push({
        kind: 'zone',
        id: ref.zoneId,
        message: `spawn point ${ref.spawnId}: unknown loot table ${ref.lootTable}`,
      });
  return problems;
}

/** One line per problem, for test failures and the CLI. */
export const formatContentProblems = (problems: readonly ContentProblem[]): string[] =>
  problems.map((p) => `${p.kind} ${p.id}: ${p.message}`);
