/**
 * Cross-checks all game content and returns every problem found (an empty list
 * means the content is sound). Schemas catch a malformed object; this catches what
 * a schema cannot see: references between files, cycles, duplicates, and drops
 * that could never happen. content/check.test.ts runs it, so a broken reference
 * fails `pnpm test`.
 */
import type { z } from 'zod';
import type { ContentProblem } from './content-problem';
import { RARITIES, ItemTemplateSchema, type ItemTemplate } from './item-schema';
import { ITEM_TEMPLATE_INPUTS } from './items';
import { LootTableSchema, type LootCondition, type LootRef, type LootTable } from './loot-schema';
import { LOOT_TABLE_INPUTS } from './loot-tables';
import { LEVEL_CAP } from './progression';
import { NpcTemplateSchema, type NpcTemplate } from './npc-schema';
import { NPC_TEMPLATE_INPUTS } from './npcs';
import { SKILLS_INPUT, SkillSchema, type Skill } from './skills';
import { ZONES, ZoneContentSchema, type Obstacle, type ZoneContent } from './zones';
import {
  AbilityTemplateSchema,
  EffectTemplateSchema,
  type AbilityTemplate,
  type EffectTemplate,
} from './ability-schema';
import { ABILITY_TEMPLATE_INPUTS, CLASS_ABILITIES, NPC_ATTACK_ABILITY_ID } from './abilities';
import { EFFECT_TEMPLATE_INPUTS } from './effects';
import { CLASS_IDS } from './classes';
import { STARTER_KITS } from './starter-kits';
import { ContactSchema } from './contact-schema';
import { CONTACT_INPUTS } from './contacts';
import { DialogueSchema } from './dialogue-schema';
import { DIALOGUE_INPUTS } from './dialogues';
import { FACTION_INPUTS, FactionSchema } from './factions';
import { QuestSchema } from './quest-schema';
import { QUEST_INPUTS } from './quests';
import { VendorSchema } from './vendor-schema';
import { VENDOR_INPUTS } from './vendors';
import { checkStory } from './check-story';
import { checkCrafting } from './check-crafting';
import { RecipeSchema } from './recipe-schema';
import { RECIPE_INPUTS } from './recipes';
import { SalvageTableSchema } from './salvage-schema';
import { SALVAGE_TABLE_INPUTS } from './salvage';
import { poolCandidates } from '../rules/loot';
import { RESOURCE_MAX } from '../rules/combat-constants';

export type { ContentProblem };

export interface ContentToCheck {
  items: readonly unknown[];
  lootTables: readonly unknown[];
  skills: readonly unknown[];
  npcs: readonly unknown[];
  /** loot tables named by zone spawn points (loot crates) */
  zoneLootRefs: readonly { zoneId: string; spawnId: string; lootTable: string }[];
  effects: readonly unknown[];
  abilities: readonly unknown[];
  /** class id → ability ids in bar order */
  classAbilities: Readonly<Record<string, readonly string[]>>;
  /** zone geometry and NPC spawns (loot crate tables: zoneLootRefs) */
  zones: readonly unknown[];
  /** class id → item template ids a new character wears */
  starterKits?: Readonly<Record<string, readonly string[]>>;
  /** factions, contacts, dialogues, quests, vendors (check-story.ts); absent: not checked */
  story?: StoryContentToCheck;
  /** recipes and salvage tables (check-crafting.ts); absent: not checked */
  crafting?: CraftingContentToCheck;
}

export interface CraftingContentToCheck {
  recipes: readonly unknown[];
  salvage: readonly unknown[];
}

export const shippedCrafting = (): CraftingContentToCheck => ({
  recipes: RECIPE_INPUTS,
  salvage: SALVAGE_TABLE_INPUTS,
});

export interface StoryContentToCheck {
  factions: readonly unknown[];
  contacts: readonly unknown[];
  dialogues: readonly unknown[];
  quests: readonly unknown[];
  vendors: readonly unknown[];
}

export const shippedStory = (): StoryContentToCheck => ({
  factions: FACTION_INPUTS,
  contacts: CONTACT_INPUTS,
  dialogues: DIALOGUE_INPUTS,
  quests: QUEST_INPUTS,
  vendors: VENDOR_INPUTS,
});

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
  effects: EFFECT_TEMPLATE_INPUTS,
  abilities: ABILITY_TEMPLATE_INPUTS,
  classAbilities: CLASS_ABILITIES,
  zones: ZONES,
  starterKits: STARTER_KITS,
  story: shippedStory(),
  crafting: shippedCrafting(),
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
  abilities: readonly AbilityTemplate[],
  problems: ContentProblem[],
) {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const abilityById = new Map(abilities.map((a) => [a.id, a]));
  for (const n of npcs) {
    const p = (message: string) => problems.push({ kind: 'npc', id: n.id, message });
    // the sim attacks with npc_attack: listing it keeps every NPC's kit in one place
    if (!n.abilities.includes(NPC_ATTACK_ABILITY_ID))
      p(`abilities must include ${NPC_ATTACK_ABILITY_ID}`);
    for (const id of n.abilities) {
      const a = abilityById.get(id);
      if (!a) p(`unknown ability ${id}`);
      else if (a.owner !== 'npc') p(`ability ${id} belongs to ${a.owner}, not npc`);
    }
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

function checkEffects(effects: readonly EffectTemplate[], problems: ContentProblem[]) {
  for (const e of effects) {
    const p = (message: string) => problems.push({ kind: 'effect', id: e.id, message });
    if (e.kind === 'dot' || e.kind === 'hot') {
      if (e.tickMs === undefined) p(`${e.kind} needs tickMs`);
      else if (e.tickMs > e.durationMs) p(`tickMs ${e.tickMs} exceeds durationMs ${e.durationMs}`);
      if (!e.amount) p(`${e.kind} needs a positive amount`);
    }
    if (e.kind === 'dot' && e.damageType === undefined) p('dot needs a damageType');
    if (e.kind === 'shield' && !e.amount) p('shield needs a positive amount');
    if (
      (e.kind === 'slow' || e.kind === 'damage_reduction' || e.kind === 'damage_boost') &&
      !e.magnitude
    )
      p(`${e.kind} needs a positive magnitude`);
    if (e.stacking === 'stack' && e.maxStacks < 2) p('stacking "stack" needs maxStacks ≥ 2');
    if (e.stacking !== 'stack' && e.maxStacks > 1) p(`maxStacks only applies to "stack"`);
    const helps = e.kind === 'hot' || e.kind === 'shield' || e.kind.startsWith('damage_');
    if (helps !== e.beneficial) p(`a ${e.kind} effect should have beneficial: ${helps}`);
  }
}

const OWNERS = new Set<string>([...CLASS_IDS, 'npc']);
/** The ability bar has keys 1–6. */
const BAR_SIZE = 6;

function checkAbilities(
  abilities: readonly AbilityTemplate[],
  effects: readonly EffectTemplate[],
  problems: ContentProblem[],
) {
  const effectById = new Map(effects.map((e) => [e.id, e]));
  for (const a of abilities) {
    const p = (message: string) => problems.push({ kind: 'ability', id: a.id, message });
    if (!OWNERS.has(a.owner)) p(`unknown owner ${a.owner}`);
    if (a.cost > RESOURCE_MAX) p(`cost ${a.cost} exceeds RESOURCE_MAX ${RESOURCE_MAX}`);
    if (a.owner === 'npc' && a.cost > 0) p('NPC abilities cost nothing (NPCs have no resource)');
    if (a.role === 'area' && a.radius === undefined) p('area ability needs a radius');
    if (a.maxTargets !== undefined && a.radius === undefined) p('maxTargets without a radius');
    if (a.damage?.source === 'fixed') {
      const { min, max } = a.damage;
      if (min === undefined || max === undefined) p('fixed damage needs min and max');
      else if (max < min) p(`damage max ${max} is below min ${min}`);
    }
    // a self-targeted ability without a radius would hit its user
    if (a.target === 'self' && a.damage && a.radius === undefined)
      p('self-targeted damage needs a radius');
    if (a.target === 'enemy' && a.heal) p('heals an enemy');
    if (a.target === 'ally' && a.damage) p('damages an ally');
    for (const { effectId } of a.effects) {
      const e = effectById.get(effectId);
      if (!e) p(`unknown effect ${effectId}`);
      // self-targeted effects land on the user, enemy-targeted ones on the enemy
      else if (e.beneficial !== (a.target !== 'enemy'))
        p(
          `effect ${effectId} is ${e.beneficial ? 'beneficial' : 'harmful'} but lands on ${a.target === 'enemy' ? 'an enemy' : 'the user or an ally'}`,
        );
    }
  }
}

function checkClassAbilities(
  classAbilities: Readonly<Record<string, readonly string[]>>,
  abilities: readonly AbilityTemplate[],
  problems: ContentProblem[],
) {
  const byId = new Map(abilities.map((a) => [a.id, a]));
  for (const classId of CLASS_IDS)
    if (!classAbilities[classId])
      problems.push({ kind: 'class', id: classId, message: 'has no ability list' });
  for (const [classId, ids] of Object.entries(classAbilities)) {
    const p = (message: string) => problems.push({ kind: 'class', id: classId, message });
    if (!(CLASS_IDS as readonly string[]).includes(classId)) p('unknown class');
    if (ids.length > BAR_SIZE) p(`${ids.length} abilities do not fit the ${BAR_SIZE}-key bar`);
    const seen = new Set<string>();
    let prevLevel = 1;
    ids.forEach((id, i) => {
      if (seen.has(id)) p(`ability ${id} listed twice`);
      seen.add(id);
      const a = byId.get(id);
      if (!a) return p(`unknown ability ${id}`);
      if (a.owner !== classId) p(`ability ${id} belongs to ${a.owner}`);
      if (i === 0 && a.level !== 1) p(`key 1 (${id}) must be available at level 1`);
      // the bar fills left to right as the character levels
      if (a.level < prevLevel)
        p(`ability ${id} (level ${a.level}) comes after a level ${prevLevel} ability`);
      prevLevel = Math.max(prevLevel, a.level);
    });
    if (ids[0] !== undefined && byId.get(ids[0])?.role !== 'basic')
      p(`key 1 (${ids[0]}) must be a basic attack`);
  }
  for (const a of abilities)
    if (a.owner !== 'npc' && !(classAbilities[a.owner] ?? []).includes(a.id))
      problems.push({
        kind: 'ability',
        id: a.id,
        message: `not on the ${a.owner} ability list (unreachable)`,
      });
}

/** Strictly inside: a point on an edge is reachable (movement stops on edges). */
const insideRect = (x: number, y: number, o: Obstacle) =>
  x > o.x && x < o.x + o.w && y > o.y && y < o.y + o.h;

const circleOverlapsRect = (x: number, y: number, r: number, o: Obstacle) => {
  const cx = Math.min(Math.max(x, o.x), o.x + o.w);
  const cy = Math.min(Math.max(y, o.y), o.y + o.h);
  return Math.hypot(x - cx, y - cy) < r;
};

const rectsOverlap = (a: Obstacle, b: Obstacle) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const obstacleName = (o: Obstacle, i: number) => o.name ?? `obstacles[${i}]`;

function checkZones(
  zones: readonly ZoneContent[],
  npcs: readonly NpcTemplate[],
  problems: ContentProblem[],
) {
  const npcById = new Map(npcs.map((n) => [n.id, n]));
  for (const z of zones) {
    const p = (message: string) => problems.push({ kind: 'zone', id: z.id, message });
    z.obstacles.forEach((o, i) => {
      if (o.x < 0 || o.y < 0 || o.x + o.w > z.width || o.y + o.h > z.height)
        p(`obstacle ${obstacleName(o, i)} leaves the zone`);
      // streets are the guaranteed walkways between blocks
      for (const s of z.streets)
        if (rectsOverlap(o, s))
          p(
            `obstacle ${obstacleName(o, i)} blocks street${s.name ? ` ${s.name}` : ''} at ${s.x},${s.y}`,
          );
    });
    const blockedBy = (x: number, y: number) => {
      const i = z.obstacles.findIndex((o) => insideRect(x, y, o));
      return i < 0 ? null : obstacleName(z.obstacles[i]!, i);
    };
    for (const s of z.spawnPoints) {
      const o = blockedBy(s.x, s.y);
      if (o) p(`spawn point ${s.id} lies inside obstacle ${o}`);
    }
    const spawnIds = new Set<string>();
    for (const s of z.npcSpawns) {
      const w = (m: string) => p(`npc spawn ${s.id}: ${m}`);
      if (spawnIds.has(s.id)) w('duplicate id');
      spawnIds.add(s.id);
      const t = npcById.get(s.templateId);
      if (!t) w(`unknown npc template ${s.templateId}`);
      else if (t.level < z.minLevel || t.level > z.maxLevel)
        w(
          `${s.templateId} (level ${t.level}) is outside the zone's levels ${z.minLevel}–${z.maxLevel}`,
        );
      if (
        s.x - s.radius < 0 ||
        s.y - s.radius < 0 ||
        s.x + s.radius > z.width ||
        s.y + s.radius > z.height
      )
        w('area leaves the zone');
      const o = blockedBy(s.x, s.y);
      if (o) w(`centre lies inside obstacle ${o}`);
      // any point of the area is a valid spawn/patrol point only if no building overlaps it
      else
        z.obstacles.forEach((ob, i) => {
          if (circleOverlapsRect(s.x, s.y, s.radius, ob))
            w(`area overlaps obstacle ${obstacleName(ob, i)}`);
        });
    }
    if (z.npcSpawns.length > 0 && !z.spawnPoints.some((s) => s.kind === 'medical_center'))
      p('has NPCs but no medical_center to respawn at');
    // named areas (quest `reach`/`use` objectives): entered on foot, so never inside a building
    const areaIds = new Set<string>();
    for (const a of z.areas) {
      if (areaIds.has(a.id)) p(`area ${a.id}: duplicate id`);
      areaIds.add(a.id);
      if (a.x > z.width || a.y > z.height) p(`area ${a.id}: centre lies outside the zone`);
      const o = blockedBy(a.x, a.y);
      if (o) p(`area ${a.id}: centre lies inside obstacle ${o}`);
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
  const effects = parseAll('effect', EffectTemplateSchema, content.effects, problems);
  const abilities = parseAll('ability', AbilityTemplateSchema, content.abilities, problems);
  checkEffects(effects, problems);
  checkAbilities(abilities, effects, problems);
  checkClassAbilities(content.classAbilities, abilities, problems);
  const npcs = parseAll('npc', NpcTemplateSchema, content.npcs, problems);
  checkNpcs(npcs, tables, abilities, problems);
  const zones = parseAll('zone', ZoneContentSchema, content.zones, problems);
  checkZones(zones, npcs, problems);
  if (content.starterKits) checkStarterKits(content.starterKits, items, problems);
  if (content.story) {
    const s = content.story;
    checkStory(
      {
        items,
        tables,
        npcs,
        zones,
        skills,
        zoneLootRefs: content.zoneLootRefs,
        factions: parseAll('faction', FactionSchema, s.factions, problems),
        contacts: parseAll('contact', ContactSchema, s.contacts, problems),
        dialogues: parseAll('dialogue', DialogueSchema, s.dialogues, problems),
        quests: parseAll('quest', QuestSchema, s.quests, problems),
        vendors: parseAll('vendor', VendorSchema, s.vendors, problems),
      },
      problems,
    );
  }
  if (content.crafting)
    checkCrafting(
      {
        items,
        tables,
        npcs,
        zoneLootRefs: content.zoneLootRefs,
        recipes: parseAll('recipe', RecipeSchema, content.crafting.recipes, problems),
        salvage: parseAll('salvage', SalvageTableSchema, content.crafting.salvage, problems),
      },
      problems,
    );
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

/** Every class has a kit; every kit item exists, is level 1, equippable by the class, one per slot. */
function checkStarterKits(
  kits: Readonly<Record<string, readonly string[]>>,
  items: readonly ItemTemplate[],
  problems: ContentProblem[],
) {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const cls of CLASS_IDS)
    if (!kits[cls]) problems.push({ kind: 'class', id: cls, message: 'no starter kit' });
  for (const [cls, ids] of Object.entries(kits)) {
    const slots = new Set<string>();
    for (const id of ids) {
      const t = byId.get(id);
      const problem = (message: string) =>
        problems.push({ kind: 'class', id: cls, message: `starter kit ${id}: ${message}` });
      if (!t) {
        problem('unknown item');
        continue;
      }
      if (!t.slot) problem('not equippable');
      else if (slots.has(t.slot)) problem(`second item for slot ${t.slot}`);
      else slots.add(t.slot);
      if (t.levelReq > 1) problem(`needs level ${t.levelReq}`);
      if (t.classReq && !t.classReq.includes(cls as (typeof CLASS_IDS)[number]))
        problem('not usable by the class');
    }
  }
}

/** One line per problem, for test failures and the CLI. */
export const formatContentProblems = (problems: readonly ContentProblem[]): string[] =>
  problems.map((p) => `${p.kind} ${p.id}: ${p.message}`);
