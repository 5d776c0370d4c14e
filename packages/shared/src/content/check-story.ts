/**
 * Cross-checks of the story content (issue 5): factions, contacts, dialogue trees,
 * quests and vendors against each other and against items, loot, NPCs, zones and
 * skills. check.ts parses everything and calls checkStory; this file only looks
 * at references, geometry and reachability a schema cannot see.
 */
import type { ContentProblem } from './content-problem';
import { INTERACT_RANGE, type Contact } from './contact-schema';
import {
  DIALOGUE_END,
  type Dialogue,
  type DialogueCondition,
  type DialogueEffect,
  type SkillCheckSpec,
} from './dialogue-schema';
import type { Faction } from './factions';
import type { ItemTemplate } from './item-schema';
import type { LootCondition, LootRef, LootTable } from './loot-schema';
import type { NpcTemplate } from './npc-schema';
import { LEVEL_CAP } from './progression';
import {
  CLIENT_REPORTED_ACTIONS,
  type FlagRequirement,
  type Quest,
  type QuestObjective,
} from './quest-schema';
import type { Skill } from './skills';
import type { Vendor } from './vendor-schema';
import type { Obstacle, ZoneContent } from './zones';

/** Metres a contact keeps from the edge of an NPC spawn area (so talking never pulls a fight). */
export const CONTACT_SPAWN_CLEARANCE = 25;
/** Two contacts closer than this would share one "talk" key press. */
export const CONTACT_SPACING = 2 * INTERACT_RANGE;
/** A quest reward may need at most this many levels above its district's top level. */
export const REWARD_LEVEL_SLACK = 5;
/** Flags the dialogue engine sets itself (rewarding effects once per node): `dlg.<dialogue>.<node>`. */
const ENGINE_FLAG_PREFIX = 'dlg.';

export interface StoryWorld {
  items: readonly ItemTemplate[];
  tables: readonly LootTable[];
  npcs: readonly NpcTemplate[];
  zones: readonly ZoneContent[];
  skills: readonly Skill[];
  zoneLootRefs: readonly { zoneId: string; spawnId: string; lootTable: string }[];
  factions: readonly Faction[];
  contacts: readonly Contact[];
  dialogues: readonly Dialogue[];
  quests: readonly Quest[];
  vendors: readonly Vendor[];
}

type Problems = ContentProblem[];
type Report = (message: string) => void;

/** Everything the checks look up, built once. */
interface Index {
  w: StoryWorld;
  item: Map<string, ItemTemplate>;
  npcIds: Set<string>;
  zone: Map<string, ZoneContent>;
  skillIds: Set<string>;
  factionIds: Set<string>;
  contact: Map<string, Contact>;
  dialogue: Map<string, Dialogue>;
  quest: Map<string, Quest>;
  vendor: Map<string, Vendor>;
  /** flag key → values something sets (set_flag effects, quest reward flags) */
  flags: Map<string, Set<string>>;
  /** skill check id → where it is defined (more than one: a duplicate) */
  checks: Map<string, { dialogueId: string; spec: SkillCheckSpec }[]>;
  /** quest ids some dialogue starts (start_quest) */
  started: Set<string>;
  /** item template → how it can be had outside loot (dialogue, reward of a quest, vendor) */
  handedOut: Map<string, { by: string; questId?: string }[]>;
  /** item template → the questActive sets of every loot path that drops it */
  dropped: Map<string, string[][]>;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

const dialogueEffects = (d: Dialogue): DialogueEffect[] => d.nodes.flatMap((n) => n.effects);
const dialogueChecks = (d: Dialogue): SkillCheckSpec[] =>
  d.nodes.flatMap((n) => n.choices.flatMap((c) => (c.check ? [c.check] : [])));

function buildIndex(w: StoryWorld): Index {
  const flags = new Map<string, Set<string>>();
  const setFlag = (key: string, value: string) => {
    const s = flags.get(key) ?? new Set<string>();
    s.add(value);
    flags.set(key, s);
  };
  const checks = new Map<string, { dialogueId: string; spec: SkillCheckSpec }[]>();
  const started = new Set<string>();
  const handedOut = new Map<string, { by: string; questId?: string }[]>();
  for (const d of w.dialogues) {
    for (const e of dialogueEffects(d)) {
      if (e.kind === 'set_flag') setFlag(e.key, e.value);
      if (e.kind === 'start_quest') started.add(e.questId);
      if (e.kind === 'give_item') push(handedOut, e.templateId, { by: `dialogue ${d.id}` });
    }
    for (const spec of dialogueChecks(d)) push(checks, spec.id, { dialogueId: d.id, spec });
  }
  for (const q of w.quests) {
    for (const f of q.rewards.flags) setFlag(f.key, f.value);
    for (const r of [...q.rewards.items, ...q.rewards.choice])
      push(handedOut, r.templateId, { by: `quest ${q.id}`, questId: q.id });
  }
  for (const v of w.vendors)
    for (const s of v.stock) push(handedOut, s.templateId, { by: `vendor ${v.id}` });

  return {
    w,
    item: new Map(w.items.map((i) => [i.id, i])),
    npcIds: new Set(w.npcs.map((n) => n.id)),
    zone: new Map(w.zones.map((z) => [z.id, z])),
    skillIds: new Set(w.skills.map((s) => s.id)),
    factionIds: new Set(w.factions.map((f) => f.id)),
    contact: new Map(w.contacts.map((c) => [c.id, c])),
    dialogue: new Map(w.dialogues.map((d) => [d.id, d])),
    quest: new Map(w.quests.map((q) => [q.id, q])),
    vendor: new Map(w.vendors.map((v) => [v.id, v])),
    flags,
    checks,
    started,
    handedOut,
    dropped: lootDrops(w),
  };
}

// ── loot paths ──────────────────────────────────────────────────────────────

type Range = { lo: number; hi: number };
const narrow = (r: Range, c: LootCondition | undefined): Range => ({
  lo: Math.max(r.lo, c?.minLevel ?? 1),
  hi: Math.min(r.hi, c?.maxLevel ?? LEVEL_CAP),
});
const withQuest = (quests: readonly string[], c: LootCondition | undefined): string[] =>
  c?.questActive === undefined || quests.includes(c.questActive)
    ? [...quests]
    : [...quests, c.questActive].sort();

/**
 * Every item a living NPC (one that spawns somewhere, rolled at its level) or a crate
 * (rolled at the opener's level: any) can drop, with the quests each path needs active.
 */
function lootDrops(w: StoryWorld): Map<string, string[][]> {
  const byId = new Map(w.tables.map((t) => [t.id, t]));
  const out = new Map<string, string[][]>();
  const seen = new Set<string>();
  const visit = (id: string, outer: Range, quests: string[], stack: string[]) => {
    const t = byId.get(id);
    if (!t || stack.includes(id)) return;
    const r = narrow(outer, t.condition);
    if (r.lo > r.hi) return;
    const q = withQuest(quests, t.condition);
    const key = `${id}|${r.lo}|${r.hi}|${q.join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ref = (x: LootRef, gr: Range, gq: string[]) => {
      const rr = narrow(gr, x.condition);
      if (rr.lo > rr.hi) return;
      const qq = withQuest(gq, x.condition);
      if (x.item !== undefined) push(out, x.item, qq);
      if (x.table !== undefined) visit(x.table, rr, qq, [...stack, id]);
    };
    for (const g of t.guaranteed) ref(g, r, q);
    for (const g of t.groups) {
      if (g.chance <= 0) continue;
      const gr = narrow(r, g.condition);
      if (gr.lo > gr.hi) continue;
      const gq = withQuest(q, g.condition);
      for (const e of g.entries) ref(e, gr, gq);
    }
  };
  const spawned = new Set(w.zones.flatMap((z) => z.npcSpawns.map((s) => s.templateId)));
  for (const n of w.npcs)
    if (spawned.has(n.id)) visit(n.lootTable, { lo: n.level, hi: n.level }, [], []);
  for (const c of w.zoneLootRefs) visit(c.lootTable, { lo: 1, hi: LEVEL_CAP }, [], []);
  return out;
}

/** How a quest's collect/use item can be had while that quest is active, or null. */
function obtainableFor(ix: Index, itemId: string, questId: string): string | null {
  const drops = ix.dropped.get(itemId) ?? [];
  if (drops.some((qs) => qs.every((q) => q === questId))) return 'loot';
  const other = (ix.handedOut.get(itemId) ?? []).find((h) => h.questId !== questId);
  return other ? other.by : null;
}

// ── geometry ────────────────────────────────────────────────────────────────

const insideRect = (x: number, y: number, o: Obstacle) =>
  x > o.x && x < o.x + o.w && y > o.y && y < o.y + o.h;

/** Cells (CELL m) reachable on foot from the zone's player start, flood-filled around obstacles. */
const CELL = 2;
/** Flood fills by zone geometry: tests run checkContent many times over the same zones. */
const walkCache = new Map<string, (x: number, y: number) => boolean>();
function walkable(z: ZoneContent): (x: number, y: number) => boolean {
  const start = z.spawnPoints.find((s) => s.kind === 'player_start');
  const key = JSON.stringify([z.width, z.height, start?.x, start?.y, z.obstacles]);
  const hit = walkCache.get(key);
  if (hit) return hit;
  if (walkCache.size >= 16) walkCache.clear();
  const fn = floodFill(z, start);
  walkCache.set(key, fn);
  return fn;
}

function floodFill(
  z: ZoneContent,
  start: { x: number; y: number } | undefined,
): (x: number, y: number) => boolean {
  const cols = Math.ceil(z.width / CELL);
  const rows = Math.ceil(z.height / CELL);
  const cellOf = (x: number, y: number) =>
    Math.min(rows - 1, Math.max(0, Math.floor(y / CELL))) * cols +
    Math.min(cols - 1, Math.max(0, Math.floor(x / CELL)));
  // rasterise the obstacles once: a cell is blocked when its centre lies inside one
  const blockedCells = new Uint8Array(cols * rows);
  for (const o of z.obstacles) {
    const [x0, x1] = [
      Math.max(0, Math.floor(o.x / CELL)),
      Math.min(cols - 1, Math.floor((o.x + o.w) / CELL)),
    ];
    const [y0, y1] = [
      Math.max(0, Math.floor(o.y / CELL)),
      Math.min(rows - 1, Math.floor((o.y + o.h) / CELL)),
    ];
    for (let cy = y0; cy <= y1; cy++)
      for (let cx = x0; cx <= x1; cx++)
        if (insideRect(cx * CELL + CELL / 2, cy * CELL + CELL / 2, o))
          blockedCells[cy * cols + cx] = 1;
  }
  const blocked = (cx: number, cy: number) => blockedCells[cy * cols + cx] === 1;
  const seen = new Uint8Array(cols * rows);
  if (start) {
    const first = cellOf(start.x, start.y);
    seen[first] = 1;
    const queue = [first];
    while (queue.length > 0) {
      const c = queue.pop()!;
      const [cx, cy] = [c % cols, Math.floor(c / cols)];
      for (const [nx, ny] of [
        [cx + 1, cy],
        [cx - 1, cy],
        [cx, cy + 1],
        [cx, cy - 1],
      ] as const) {
        if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
        const n = ny * cols + nx;
        if (seen[n] || blocked(nx, ny)) continue;
        seen[n] = 1;
        queue.push(n);
      }
    }
  }
  return (x, y) => seen[cellOf(x, y)] === 1;
}

// ── factions ────────────────────────────────────────────────────────────────

function checkFactions(ix: Index, problems: Problems) {
  for (const f of ix.w.factions)
    for (const r of f.rivals)
      if (!ix.factionIds.has(r.factionId))
        problems.push({ kind: 'faction', id: f.id, message: `unknown rival ${r.factionId}` });
}

// ── contacts ────────────────────────────────────────────────────────────────

function checkContacts(ix: Index, problems: Problems) {
  const reach = new Map<string, (x: number, y: number) => boolean>();
  for (const c of ix.w.contacts) {
    const p: Report = (message) => problems.push({ kind: 'contact', id: c.id, message });
    if (!ix.factionIds.has(c.factionId)) p(`unknown faction ${c.factionId}`);
    const d = ix.dialogue.get(c.dialogueId);
    if (!d) p(`unknown dialogue ${c.dialogueId}`);
    else if (d.contactId !== c.id) p(`dialogue ${d.id} belongs to ${d.contactId}`);
    if (c.vendorId !== undefined) {
      const v = ix.vendor.get(c.vendorId);
      if (!v) p(`unknown vendor ${c.vendorId}`);
      else if (v.contactId !== c.id) p(`vendor ${v.id} is run by ${v.contactId}`);
    }
    const z = ix.zone.get(c.zoneId);
    if (!z) {
      p(`unknown zone ${c.zoneId}`);
      continue;
    }
    if (c.x > z.width || c.y > z.height) {
      p(`stands outside ${z.id} (${z.width}×${z.height})`);
      continue;
    }
    const o = z.obstacles.find((ob) => insideRect(c.x, c.y, ob));
    if (o) p(`stands inside obstacle ${o.name ?? 'unnamed'}`);
    else {
      if (!reach.has(z.id)) reach.set(z.id, walkable(z));
      if (!reach.get(z.id)!(c.x, c.y)) p(`cannot be reached on foot from ${z.id}'s player start`);
    }
    for (const s of z.npcSpawns)
      if (Math.hypot(c.x - s.x, c.y - s.y) < s.radius + CONTACT_SPAWN_CLEARANCE)
        p(`stands within ${CONTACT_SPAWN_CLEARANCE} m of npc spawn ${s.id}`);
  }
  // pairs: one key press must mean one contact
  const list = ix.w.contacts;
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i]!, list[j]!];
      // a duplicate id is reported by the parser already
      if (
        a.id !== b.id &&
        a.zoneId === b.zoneId &&
        Math.hypot(a.x - b.x, a.y - b.y) < CONTACT_SPACING
      )
        problems.push({
          kind: 'contact',
          id: b.id,
          message: `stands within ${CONTACT_SPACING} m of ${a.id}`,
        });
    }
}

// ── dialogues ───────────────────────────────────────────────────────────────

function checkFlagRef(ix: Index, key: string, value: string | undefined, p: Report, what: string) {
  if (key.startsWith(ENGINE_FLAG_PREFIX)) return;
  const values = ix.flags.get(key);
  if (!values) p(`${what} flag ${key} is never set`);
  else if (value !== undefined && !values.has(value))
    p(`${what} flag ${key} is never set to '${value}'`);
}

function checkCondition(ix: Index, c: DialogueCondition, p: Report) {
  switch (c.kind) {
    case 'quest':
      if (!ix.quest.has(c.questId)) p(`unknown quest ${c.questId}`);
      break;
    case 'flag':
      if (!c.absent) checkFlagRef(ix, c.key, c.value, p, 'condition');
      else if (!ix.flags.has(c.key) && !c.key.startsWith(ENGINE_FLAG_PREFIX))
        p(`condition flag ${c.key} is never set`);
      break;
    case 'standing':
      if (!ix.factionIds.has(c.factionId)) p(`unknown faction ${c.factionId}`);
      break;
    case 'check':
      if (!ix.checks.has(c.checkId)) p(`unknown skill check ${c.checkId}`);
      break;
    default:
      // attribute, level, class: their values are closed enums checked by the schema
      break;
  }
}

function checkEffect(ix: Index, d: Dialogue, e: DialogueEffect, p: Report) {
  switch (e.kind) {
    case 'start_quest':
    case 'fail_quest':
      if (!ix.quest.has(e.questId)) p(`unknown quest ${e.questId}`);
      break;
    case 'complete_objective': {
      const q = ix.quest.get(e.questId);
      if (!q) p(`unknown quest ${e.questId}`);
      else if (!q.objectives.some((o) => o.id === e.objectiveId))
        p(`quest ${e.questId} has no objective ${e.objectiveId}`);
      break;
    }
    case 'reputation':
      if (!ix.factionIds.has(e.factionId)) p(`unknown faction ${e.factionId}`);
      break;
    case 'give_item':
      if (!ix.item.has(e.templateId)) p(`unknown item ${e.templateId}`);
      break;
    case 'open_vendor': {
      // an unknown contact is reported once, by checkDialogues
      const c = ix.contact.get(d.contactId);
      if (c && c.vendorId === undefined) p(`open_vendor, but contact ${d.contactId} has no vendor`);
      break;
    }
    default:
      break;
  }
}

function checkDialogues(ix: Index, problems: Problems) {
  const owner = new Map<string, string>();
  for (const d of ix.w.dialogues) {
    const p: Report = (message) => problems.push({ kind: 'dialogue', id: d.id, message });
    const c = ix.contact.get(d.contactId);
    if (!c) p(`unknown contact ${d.contactId}`);
    else if (c.dialogueId !== d.id) p(`contact ${c.id} talks through ${c.dialogueId}, not this`);
    const other = owner.get(d.contactId);
    if (other) p(`second dialogue for contact ${d.contactId} (first: ${other})`);
    else owner.set(d.contactId, d.id);

    const nodes = new Map<string, (typeof d.nodes)[number]>();
    for (const n of d.nodes) {
      if (nodes.has(n.id)) p(`duplicate node ${n.id}`);
      nodes.set(n.id, n);
    }
    const target = (where: string, id: string) => {
      if (id !== DIALOGUE_END && !nodes.has(id)) p(`${where} leads to unknown node ${id}`);
    };
    d.entries.forEach((e, i) => {
      if (!nodes.has(e.node)) p(`entries[${i}] opens unknown node ${e.node}`);
      e.conditions.forEach((c) => checkCondition(ix, c, (m) => p(`entries[${i}]: ${m}`)));
    });
    // the first entry whose conditions hold opens: with none holding, nothing would
    const last = d.entries[d.entries.length - 1];
    if (last && last.conditions.length > 0)
      p('the last entry has conditions (a fallback has none)');

    for (const n of d.nodes) {
      const choiceIds = new Set<string>();
      n.effects.forEach((e) => checkEffect(ix, d, e, (m) => p(`node ${n.id}: ${m}`)));
      for (const ch of n.choices) {
        const where = `node ${n.id} choice ${ch.id}`;
        if (choiceIds.has(ch.id)) p(`node ${n.id}: duplicate choice ${ch.id}`);
        choiceIds.add(ch.id);
        ch.conditions.forEach((c) => checkCondition(ix, c, (m) => p(`${where}: ${m}`)));
        if (ch.next !== undefined) target(where, ch.next);
        if (ch.check) {
          target(`${where} (success)`, ch.check.success);
          target(`${where} (failure)`, ch.check.failure);
          if (ch.check.skill !== undefined && !ix.skillIds.has(ch.check.skill))
            p(`${where}: unknown skill ${ch.check.skill}`);
        }
      }
    }

    // every node should be reachable from an entry
    const seen = new Set<string>();
    const queue = d.entries.map((e) => e.node).filter((id) => nodes.has(id));
    for (const id of queue) seen.add(id);
    while (queue.length > 0) {
      const n = nodes.get(queue.pop()!)!;
      for (const ch of n.choices)
        for (const next of ch.check ? [ch.check.success, ch.check.failure] : [ch.next!])
          if (nodes.has(next) && !seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
    }
    for (const n of d.nodes) if (!seen.has(n.id)) p(`node ${n.id} is unreachable from the entries`);
  }
}

// ── quests ──────────────────────────────────────────────────────────────────

function checkObjective(ix: Index, q: Quest, o: QuestObjective, p: Report) {
  const area = (zoneId: string | undefined, areaId: string | undefined) => {
    if (zoneId === undefined) {
      if (areaId !== undefined) p(`area ${areaId} without a zone`);
      return;
    }
    const z = ix.zone.get(zoneId);
    if (!z) p(`unknown zone ${zoneId}`);
    else if (areaId !== undefined && !z.areas.some((a) => a.id === areaId))
      p(`zone ${zoneId} has no area ${areaId}`);
  };
  const item = (id: string) => {
    if (!ix.item.has(id)) return p(`unknown item ${id}`);
    if (!obtainableFor(ix, id, q.id))
      p(
        `item ${id} cannot be obtained (no loot path open while ${q.id} is active, no dialogue, reward or vendor hands it out)`,
      );
  };
  switch (o.kind) {
    case 'kill':
      for (const t of o.npcTemplateIds) if (!ix.npcIds.has(t)) p(`unknown npc template ${t}`);
      break;
    case 'collect':
      item(o.itemTemplateId);
      break;
    case 'use':
      item(o.itemTemplateId);
      area(o.zoneId, o.areaId);
      break;
    case 'talk':
      if (!ix.contact.has(o.contactId)) p(`unknown contact ${o.contactId}`);
      break;
    case 'reach':
      area(o.zoneId, o.areaId);
      break;
    case 'skill_check': {
      const def = ix.checks.get(o.checkId)?.[0];
      if (!def) p(`skill check ${o.checkId} is not defined in any dialogue`);
      // a failed one-roll check sticks, and the objective could never be done
      else if (!def.spec.retry) p(`skill check ${o.checkId} is one-roll (needs retry: true)`);
      break;
    }
    case 'choice':
      if (!ix.flags.has(o.flag)) p(`flag ${o.flag} is never set`);
      break;
    case 'action':
      // the client may claim these itself: only the once-only welcome quest may count them
      if ((CLIENT_REPORTED_ACTIONS as readonly string[]).includes(o.action) && !q.givenAtCreation)
        p(
          `action ${o.action} is reported by the client: only a quest given at creation may count it`,
        );
      break;
  }
}

/** A quest every new character starts with: once, for anyone, never offered again. */
function checkGivenAtCreation(q: Quest, p: Report) {
  if (q.repeat !== 'none' || q.retryable)
    p('a quest given at creation is done once (not repeatable or retryable)');
  if (q.dialogueOnly) p('a quest given at creation is not also dialogueOnly');
  const pre = q.prerequisites;
  if (
    pre.level > 1 ||
    pre.quests.length + pre.notQuests.length + pre.standing.length + pre.flags.length > 0 ||
    pre.classes !== undefined
  )
    p('a quest given at creation has no prerequisites (every new character starts it)');
}

function checkFlagRequirement(ix: Index, f: FlagRequirement, p: Report) {
  if (f.absent) {
    if (!ix.flags.has(f.key)) p(`prerequisite flag ${f.key} is never set`);
  } else checkFlagRef(ix, f.key, f.value, p, 'prerequisite');
}

function checkQuests(ix: Index, problems: Problems) {
  for (const q of ix.w.quests) {
    const p: Report = (message) => problems.push({ kind: 'quest', id: q.id, message });
    const z = ix.zone.get(q.zoneId);
    if (!z) p(`unknown zone ${q.zoneId}`);
    else if (q.level < z.minLevel || q.level > z.maxLevel)
      p(`level ${q.level} is outside ${z.id}'s levels ${z.minLevel}–${z.maxLevel}`);
    if (q.prerequisites.level > q.level)
      p(`prerequisite level ${q.prerequisites.level} is above the quest level ${q.level}`);
    for (const [role, id] of [
      ['giver', q.giverId],
      ['turn-in', q.turnInId],
    ] as const)
      if (!ix.contact.has(id)) p(`unknown ${role} contact ${id}`);

    // objectives
    const objectiveIds = new Set<string>();
    for (const o of q.objectives) {
      if (objectiveIds.has(o.id)) p(`duplicate objective ${o.id}`);
      objectiveIds.add(o.id);
    }
    for (const o of q.objectives) {
      const po: Report = (m) => p(`objective ${o.id}: ${m}`);
      checkObjective(ix, q, o, po);
      for (const r of o.requires)
        if (r === o.id) po('requires itself');
        else if (!objectiveIds.has(r)) po(`requires unknown objective ${r}`);
    }
    const requireCycle = findCycle(
      q.objectives.map((o) => o.id),
      (id) => q.objectives.find((o) => o.id === id)?.requires ?? [],
    );
    if (requireCycle) p(`objectives require each other: ${requireCycle.join(' → ')}`);

    // prerequisites
    const pre = q.prerequisites;
    for (const id of [...pre.quests, ...pre.notQuests]) {
      if (id === q.id) p('lists itself as a prerequisite');
      else if (!ix.quest.has(id)) p(`unknown prerequisite quest ${id}`);
    }
    for (const id of pre.quests)
      if (pre.notQuests.includes(id)) p(`${id} is both required and excluded`);
    for (const s of pre.standing)
      if (!ix.factionIds.has(s.factionId)) p(`unknown faction ${s.factionId}`);
    for (const f of pre.flags) checkFlagRequirement(ix, f, p);

    // rewards
    const r = q.rewards;
    for (const it of [...r.items, ...r.choice]) {
      const t = ix.item.get(it.templateId);
      if (!t) {
        p(`unknown reward item ${it.templateId}`);
        continue;
      }
      if (it.quantity > t.stackSize)
        p(`reward ${it.templateId} ×${it.quantity} exceeds its stack of ${t.stackSize}`);
      if (z && t.levelReq > z.maxLevel + REWARD_LEVEL_SLACK)
        p(
          `reward ${it.templateId} needs level ${t.levelReq}, beyond ${z.id} (up to ${z.maxLevel})`,
        );
    }
    if (r.choice.length === 1) p('a reward choice needs at least two options');
    if (new Set(r.choice.map((c) => c.templateId)).size !== r.choice.length)
      p('reward choice lists an item twice');
    for (const c of r.choice)
      if (ix.item.get(c.templateId)?.kind === 'quest')
        p(`quest item ${c.templateId} offered as a choice`);
    for (const rep of r.reputation)
      if (!ix.factionIds.has(rep.factionId)) p(`unknown reward faction ${rep.factionId}`);

    // failure, chain, how it starts
    for (const f of q.failure?.npcKilled ?? [])
      for (const t of f.npcTemplateIds)
        if (!ix.npcIds.has(t)) p(`failure names unknown npc template ${t}`);
    if (q.repeat !== 'none' && q.chain)
      p(`a ${q.repeat} quest cannot be part of chain ${q.chain.id}`);
    if (q.dialogueOnly && !ix.started.has(q.id)) p('dialogueOnly, but no dialogue starts it');
    if (q.givenAtCreation) checkGivenAtCreation(q, p);
  }

  const cycle = findCycle(
    ix.w.quests.map((q) => q.id),
    (id) => ix.quest.get(id)?.prerequisites.quests ?? [],
  );
  if (cycle)
    problems.push({
      kind: 'quest',
      id: cycle[0]!,
      message: `prerequisite cycle ${cycle.join(' → ')}`,
    });

  checkChains(ix, problems);
}

/** Chains: steps 1..n without gaps; each later step requires an earlier step directly. */
function checkChains(ix: Index, problems: Problems) {
  const chains = new Map<string, Quest[]>();
  for (const q of ix.w.quests) if (q.chain) push(chains, q.chain.id, q);
  for (const [id, quests] of chains) {
    const steps = new Set(quests.map((q) => q.chain!.step));
    for (let s = 1; s < Math.max(...steps); s++)
      if (!steps.has(s))
        problems.push({ kind: 'quest', id: quests[0]!.id, message: `chain ${id} skips step ${s}` });
    for (const q of quests) {
      if (q.chain!.step === 1) continue;
      const earlier = q.prerequisites.quests.some((pid) => {
        const pq = ix.quest.get(pid);
        return pq?.chain?.id === id && pq.chain.step < q.chain!.step;
      });
      if (!earlier)
        problems.push({
          kind: 'quest',
          id: q.id,
          message: `chain ${id} step ${q.chain!.step} requires no earlier step`,
        });
    }
  }
}

/** One cycle in a graph (as the path that closes on its first node), or null. */
function findCycle(
  ids: readonly string[],
  next: (id: string) => readonly string[],
): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  let found: string[] | null = null;
  const visit = (id: string) => {
    if (found || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      found = [...path.slice(path.indexOf(id)), id];
      return;
    }
    state.set(id, 'visiting');
    path.push(id);
    // a self-loop is reported on its own by the callers ("lists itself", "requires itself")
    for (const n of next(id)) if (n !== id && ids.includes(n)) visit(n);
    path.pop();
    state.set(id, 'done');
  };
  for (const id of ids) visit(id);
  return found;
}

// ── vendors ─────────────────────────────────────────────────────────────────

function checkVendors(ix: Index, problems: Problems) {
  for (const v of ix.w.vendors) {
    const p: Report = (message) => problems.push({ kind: 'vendor', id: v.id, message });
    const c = ix.contact.get(v.contactId);
    if (!c) p(`unknown contact ${v.contactId}`);
    else if (c.vendorId !== v.id)
      p(`contact ${c.id} does not point back (vendorId ${c.vendorId ?? 'none'})`);
    if (!ix.factionIds.has(v.factionId)) p(`unknown faction ${v.factionId}`);
    const seen = new Set<string>();
    for (const s of v.stock) {
      if (seen.has(s.templateId)) p(`stock lists ${s.templateId} twice`);
      seen.add(s.templateId);
      const t = ix.item.get(s.templateId);
      if (!t) p(`unknown stock item ${s.templateId}`);
      else if (t.kind === 'quest') p(`sells quest item ${s.templateId}`);
    }
    if (v.buys.includes('quest')) p('buys quest items');
  }
}

// ── loot conditions and quest items ─────────────────────────────────────────

function checkQuestLoot(ix: Index, problems: Problems) {
  for (const t of ix.w.tables) {
    const named: [string, LootCondition | undefined][] = [
      ['condition', t.condition],
      ...t.guaranteed.map(
        (g, i) => [`guaranteed[${i}]`, g.condition] as [string, LootCondition | undefined],
      ),
      ...t.groups.flatMap((g, gi) => [
        [`groups[${gi}]`, g.condition] as [string, LootCondition | undefined],
        ...g.entries.map(
          (e, ei) =>
            [`groups[${gi}].entries[${ei}]`, e.condition] as [string, LootCondition | undefined],
        ),
      ]),
    ];
    for (const [where, c] of named)
      if (c?.questActive !== undefined && !ix.quest.has(c.questActive))
        problems.push({
          kind: 'loot',
          id: t.id,
          message: `${where}: questActive names unknown quest ${c.questActive}`,
        });
  }
  const needed = new Set(
    ix.w.quests.flatMap((q) =>
      q.objectives.flatMap((o) =>
        o.kind === 'collect' || o.kind === 'use' ? [o.itemTemplateId] : [],
      ),
    ),
  );
  for (const t of ix.w.items) {
    if (t.kind !== 'quest') continue;
    const p: Report = (message) => problems.push({ kind: 'item', id: t.id, message });
    if (t.binding !== 'pickup') p('quest items bind on pickup');
    if (!needed.has(t.id)) p('quest item no quest collects or uses');
  }
}

export function checkStory(w: StoryWorld, problems: Problems): void {
  const ix = buildIndex(w);
  for (const [id, defs] of ix.checks)
    if (defs.length > 1)
      problems.push({
        kind: 'dialogue',
        id: defs[1]!.dialogueId,
        message: `skill check id ${id} is defined ${defs.length} times (unique across dialogues)`,
      });
  checkFactions(ix, problems);
  checkContacts(ix, problems);
  checkDialogues(ix, problems);
  checkQuests(ix, problems);
  checkVendors(ix, problems);
  checkQuestLoot(ix, problems);
}
