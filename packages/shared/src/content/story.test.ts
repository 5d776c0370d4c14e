/**
 * The story content of issue 5 holds what the issue asks of it: enough quests in
 * every district, every objective kind, every failure, dailies and weeklies, the
 * five-step branching chain, skill checks, vendors, and drops that exist only
 * while their quest is active. checkContent (check.test.ts) proves the references;
 * this file proves the shape.
 */
import { describe, expect, it } from 'vitest';
import { CONTACTS, contactById } from './contacts';
import { DIALOGUES, dialogueById } from './dialogues';
import type { DialogueEffect, SkillCheckSpec } from './dialogue-schema';
import { FACTIONS } from './factions';
import { itemTemplateById } from './items';
import { LOOT_TABLES } from './loot-tables';
import { QUESTS, questById } from './quests';
import type { Quest, QuestObjective } from './quest-schema';
import { VENDORS } from './vendors';
import { ZONES } from './zones';
import { rollLoot, type LootRng } from '../rules/loot';

/** mulberry32: a tiny seeded PRNG for tests (the game injects its own seeded Rng). */
function rngFrom(seed: number): LootRng {
  let a = seed >>> 0;
  const float = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { float, int: (min, max) => min + Math.floor(float() * (max - min + 1)) };
}

const objectives = (): QuestObjective[] => QUESTS.flatMap((q) => q.objectives);
const effects = (): DialogueEffect[] => DIALOGUES.flatMap((d) => d.nodes.flatMap((n) => n.effects));
const checks = (): SkillCheckSpec[] =>
  DIALOGUES.flatMap((d) =>
    d.nodes.flatMap((n) => n.choices.flatMap((c) => (c.check ? [c.check] : []))),
  );
const node = (dialogueId: string, nodeId: string) =>
  dialogueById(dialogueId)!.nodes.find((n) => n.id === nodeId)!;
const repOf = (q: Quest, factionId: string) =>
  q.rewards.reputation.find((r) => r.factionId === factionId)?.delta ?? 0;

describe('quests', () => {
  it('at least 15, in all three districts, each at the district’s levels', () => {
    expect(QUESTS.length).toBeGreaterThanOrEqual(15);
    for (const z of ZONES) {
      const here = QUESTS.filter((q) => q.zoneId === z.id);
      expect(here.length, z.id).toBeGreaterThanOrEqual(4);
      for (const q of here) {
        expect(q.level, q.id).toBeGreaterThanOrEqual(z.minLevel);
        expect(q.level, q.id).toBeLessThanOrEqual(z.maxLevel);
      }
    }
  });

  it('use every objective kind', () => {
    const kinds = new Set(objectives().map((o) => o.kind));
    expect([...kinds].sort()).toEqual(
      ['action', 'choice', 'collect', 'kill', 'reach', 'skill_check', 'talk', 'use'].sort(),
    );
  });

  it('reward XP, eddies, items, a choice of items, reputation both ways, and flags', () => {
    expect(QUESTS.every((q) => q.rewards.xp > 0 && q.rewards.eddies > 0)).toBe(true);
    expect(QUESTS.some((q) => q.rewards.items.length > 0)).toBe(true);
    expect(QUESTS.filter((q) => q.rewards.choice.length >= 2).length).toBeGreaterThanOrEqual(5);
    const deltas = QUESTS.flatMap((q) => q.rewards.reputation.map((r) => r.delta));
    expect(deltas.some((d) => d > 0)).toBe(true);
    expect(deltas.some((d) => d < 0)).toBe(true);
    expect(QUESTS.some((q) => q.rewards.flags.length > 0)).toBe(true);
  });

  it('are gated by level, earlier quests, excluded branches, standing (NCPD Friendly) and flags', () => {
    const pre = QUESTS.map((q) => q.prerequisites);
    expect(pre.some((p) => p.level > 1)).toBe(true);
    expect(pre.some((p) => p.quests.length > 0)).toBe(true);
    expect(pre.some((p) => p.notQuests.length > 0)).toBe(true);
    expect(pre.some((p) => p.flags.length > 0)).toBe(true);
    expect(questById('q_wb_dirty_money')!.prerequisites.standing).toEqual([
      { factionId: 'city_security', atLeast: 'friendly' },
    ]);
  });

  it('fail by a timer, by killing an NPC, by anyone killing an NPC, and by a wrong word', () => {
    const failures = QUESTS.map((q) => q.failure);
    expect(failures.filter((f) => f?.timeLimitSeconds).length).toBeGreaterThanOrEqual(2);
    const killed = failures.flatMap((f) => f?.npcKilled ?? []);
    expect(killed.some((k) => k.by === 'self')).toBe(true);
    // "Royce must not die before you reach him"
    expect(questById('q_bitw_finale')!.failure!.npcKilled).toEqual([
      { npcTemplateIds: ['royce'], by: 'anyone' },
    ]);
    const wrongWords = effects().filter((e) => e.kind === 'fail_quest');
    expect(wrongWords.map((e) => e.kind === 'fail_quest' && e.questId).sort()).toEqual([
      'q_cc_clean_slate',
      'q_dead_drop',
    ]);
    // every quest that can fail says how, in the log
    for (const q of QUESTS) if (q.failure) expect(q.failure.note, q.id).toMatch(/^Fails if /);
  });

  it('repeat daily and weekly in more than one district, outside any chain', () => {
    for (const repeat of ['daily', 'weekly'] as const) {
      const list = QUESTS.filter((q) => q.repeat === repeat);
      expect(list.length, repeat).toBeGreaterThanOrEqual(2);
      expect(new Set(list.map((q) => q.zoneId)).size, repeat).toBeGreaterThanOrEqual(2);
      for (const q of list) expect(q.chain, q.id).toBeUndefined();
    }
  });

  it('use quest items inside an area, handed over in dialogue or by an earlier step', () => {
    const uses = QUESTS.flatMap((q) =>
      q.objectives.flatMap((o) => (o.kind === 'use' ? [{ q, o }] : [])),
    );
    expect(uses.length).toBeGreaterThanOrEqual(2);
    for (const { q, o } of uses) {
      expect(itemTemplateById(o.itemTemplateId)?.kind, q.id).toBe('quest');
      expect(o.areaId, q.id).toBeDefined();
    }
    // Regina starts the dead drop and hands over the drop in the same breath
    expect(node('regina', 'drop_taken').effects).toEqual([
      { kind: 'start_quest', questId: 'q_dead_drop' },
      { kind: 'give_item', templateId: 'regina_data_drop', quantity: 1 },
    ]);
    expect(questById('q_dead_drop')!.dialogueOnly).toBe(true);
    // both step-4 branches hand over the beacon step 5 plants
    for (const id of ['q_bitw_claws', 'q_bitw_ncpd'])
      expect(questById(id)!.rewards.items).toContainEqual({
        templateId: 'bitw_tracer_beacon',
        quantity: 1,
      });
  });
});

describe('drops that exist only while their quest is active', () => {
  const dropsOf = (table: string, level: number, quests: string[], seeds = 200) => {
    const seen = new Set<string>();
    for (let seed = 0; seed < seeds; seed++)
      for (const i of rollLoot(table, { level, rng: rngFrom(seed), activeQuestIds: quests }).items)
        seen.add(i.templateId);
    return seen;
  };

  it.each([
    // [table, level it is rolled at, quest, item]
    ['crate_bitw_container', 6, 'q_bitw_warehouse', 'bitw_container_shard'],
    ['crate_bitw_container', 3, 'q_lost_shipment', 'junk_shipping_manifest'],
    ['elite_maelstrom', 11, 'q_bitw_claws', 'bitw_route_chip'],
    ['thugs_street_mid', 14, 'q_wb_ghosts', 'claws_deck_fragment'],
    ['crate_cc_relay', 40, 'q_cc_ice_harvest', 'voodoo_ice_sample'],
    // spare beacons: a failed finale (Royce died) can be run again
    ['crate_bitw_locker', 20, 'q_bitw_finale', 'bitw_tracer_beacon'],
  ])('%s at level %i drops for %s: %s', (table, level, quest, item) => {
    expect(dropsOf(table, level, [quest]).has(item)).toBe(true);
    expect(dropsOf(table, level, []).has(item)).toBe(false);
    // another quest being active does not open it
    expect(dropsOf(table, level, ['q_street_cred']).has(item)).toBe(false);
  });

  it('guaranteed where the quest needs one per visit, and every quest item is one', () => {
    for (const seed of [1, 2, 3]) {
      const roll = (table: string, level: number, q: string) =>
        rollLoot(table, { level, rng: rngFrom(seed), activeQuestIds: [q] }).items.map(
          (i) => i.templateId,
        );
      expect(roll('crate_bitw_container', 6, 'q_bitw_warehouse')).toContain('bitw_container_shard');
      expect(roll('elite_maelstrom', 11, 'q_bitw_claws')).toContain('bitw_route_chip');
      expect(roll('crate_bitw_locker', 20, 'q_bitw_finale')).toContain('bitw_tracer_beacon');
    }
    const questItems = ['bitw_container_shard', 'bitw_route_chip', 'claws_deck_fragment'];
    for (const id of questItems) expect(itemTemplateById(id)).toMatchObject({ kind: 'quest' });
    expect(
      LOOT_TABLES.filter((t) => JSON.stringify(t).includes('questActive')).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('the quest crates stand in the world', () => {
    const crates = ZONES.flatMap((z) =>
      z.spawnPoints.filter((s) => s.kind === 'loot_crate').map((s) => s.lootTable),
    );
    expect(crates).toContain('crate_bitw_container');
    expect(crates).toContain('crate_cc_relay');
    expect(crates).toContain('crate_bitw_locker');
  });
});

describe('Blood in the Water', () => {
  const chain = QUESTS.filter((q) => q.chain?.id === 'blood_in_the_water');
  const step = (n: number) => chain.filter((q) => q.chain!.step === n);
  const claws = questById('q_bitw_claws')!;
  const ncpd = questById('q_bitw_ncpd')!;
  const finale = questById('q_bitw_finale')!;

  it('has five steps: one each, but two alternatives at step 4', () => {
    expect([1, 2, 3, 4, 5].map((n) => step(n).map((q) => q.id))).toEqual([
      ['q_bitw_rumor'],
      ['q_bitw_warehouse'],
      ['q_bitw_decision'],
      ['q_bitw_claws', 'q_bitw_ncpd'],
      ['q_bitw_finale'],
    ]);
    expect(chain.every((q) => q.chain!.name === 'Blood in the Water')).toBe(true);
  });

  it('ends step 3 in a decision in dialogue, with opposite standing for each side', () => {
    const decide = questById('q_bitw_decision')!.objectives.find((o) => o.id === 'decide')!;
    expect(decide).toMatchObject({ kind: 'choice', flag: 'chain.bitw.shard' });
    const sides = { claws: node('dex', 'chose_claws'), ncpd: node('dex', 'chose_ncpd') };
    for (const [value, n] of Object.entries(sides))
      expect(n.effects).toContainEqual({ kind: 'set_flag', key: 'chain.bitw.shard', value });
    const rep = (n: (typeof sides)['claws'], f: string) =>
      n.effects.find((e) => e.kind === 'reputation' && e.factionId === f);
    expect(rep(sides.claws, 'tyger_claws')).toMatchObject({ delta: 400 });
    expect(rep(sides.claws, 'city_security')).toMatchObject({ delta: -200 });
    expect(rep(sides.ncpd, 'city_security')).toMatchObject({ delta: 400 });
    expect(rep(sides.ncpd, 'tyger_claws')).toMatchObject({ delta: -200 });
  });

  it('branches at step 4: each side gated by the decision, excluding the other, in Westbrook', () => {
    expect(claws.prerequisites.flags).toEqual([
      { key: 'chain.bitw.shard', value: 'claws', absent: false },
    ]);
    expect(ncpd.prerequisites.flags).toEqual([
      { key: 'chain.bitw.shard', value: 'ncpd', absent: false },
    ]);
    expect(claws.prerequisites.notQuests).toEqual(['q_bitw_ncpd']);
    expect(ncpd.prerequisites.notQuests).toEqual(['q_bitw_claws']);
    expect([claws.zoneId, ncpd.zoneId]).toEqual(['westbrook', 'westbrook']);
    // each side's consequences point the other way
    expect(repOf(claws, 'tyger_claws')).toBeGreaterThan(0);
    expect(repOf(claws, 'city_security')).toBeLessThan(0);
    expect(repOf(ncpd, 'city_security')).toBeGreaterThan(0);
    expect(repOf(ncpd, 'tyger_claws')).toBeLessThan(0);
  });

  it('joins at step 5 on a flag both sides set, and remembers the side in the epilogue', () => {
    expect(finale.prerequisites.flags).toEqual([{ key: 'chain.bitw.route_known', absent: false }]);
    expect(claws.rewards.flags).toEqual([{ key: 'chain.bitw.route_known', value: 'claws' }]);
    expect(ncpd.rewards.flags).toEqual([{ key: 'chain.bitw.route_known', value: 'ncpd' }]);
    expect(['westbrook', 'city-center']).toContain(finale.zoneId);
    expect(node('wakako', 'end_claws').effects).toEqual([
      { kind: 'reputation', factionId: 'tyger_claws', delta: 300 },
    ]);
    expect(node('wakako', 'end_ncpd').effects).toEqual([
      { kind: 'reputation', factionId: 'city_security', delta: 300 },
    ]);
  });

  /**
   * Walks the chain on prerequisites alone (quests, notQuests, flags, level) as the
   * design reads them: which quests open after each step on each side.
   */
  it('opens exactly one branch per decision and the finale after either', () => {
    type State = { level: number; done: Set<string>; flags: Map<string, string> };
    const open = (q: Quest, s: State) =>
      s.level >= q.prerequisites.level &&
      q.prerequisites.quests.every((id) => s.done.has(id)) &&
      !q.prerequisites.notQuests.some((id) => s.done.has(id)) &&
      q.prerequisites.flags.every((f) =>
        f.absent
          ? !s.flags.has(f.key)
          : s.flags.has(f.key) && (f.value === undefined || s.flags.get(f.key) === f.value),
      ) &&
      !s.done.has(q.id);
    const openChain = (s: State) => chain.filter((q) => open(q, s)).map((q) => q.id);
    const complete = (s: State, q: Quest) => {
      s.done.add(q.id);
      for (const f of q.rewards.flags) s.flags.set(f.key, f.value);
    };

    for (const side of ['claws', 'ncpd'] as const) {
      const s: State = { level: 20, done: new Set(['q_street_cred']), flags: new Map() };
      expect(openChain(s)).toEqual(['q_bitw_rumor']);
      complete(s, questById('q_bitw_rumor')!);
      complete(s, questById('q_bitw_warehouse')!);
      expect(openChain(s)).toEqual(['q_bitw_decision']);
      s.flags.set('chain.bitw.shard', side); // Dex's decision node
      complete(s, questById('q_bitw_decision')!);
      const branch = side === 'claws' ? claws : ncpd;
      expect(openChain(s)).toEqual([branch.id]);
      complete(s, branch);
      expect(openChain(s)).toEqual(['q_bitw_finale']);
    }
  });
});

describe('dialogue', () => {
  it('every contact has a tree; Westbrook and City Center contacts have at least three nodes', () => {
    for (const c of CONTACTS) {
      const d = dialogueById(c.dialogueId);
      expect(d?.contactId, c.id).toBe(c.id);
      if (c.zoneId !== 'watson') expect(d!.nodes.length, c.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('has skill checks on attributes and skills, one-roll and retryable, leading apart', () => {
    const all = checks();
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.some((c) => c.attribute && !c.retry)).toBe(true);
    expect(all.some((c) => c.attribute && c.retry)).toBe(true);
    expect(all.some((c) => c.skill && !c.retry)).toBe(true);
    expect(all.some((c) => c.skill && c.retry)).toBe(true);
    for (const c of all) expect(c.success, c.id).not.toBe(c.failure);
  });

  it('reads quest state, flags, standing, attributes, level, class and earlier checks', () => {
    const kinds = new Set(
      DIALOGUES.flatMap((d) => [
        ...d.entries.flatMap((e) => e.conditions),
        ...d.nodes.flatMap((n) => n.choices.flatMap((c) => c.conditions)),
      ]).map((c) => c.kind),
    );
    expect([...kinds].sort()).toEqual(
      ['attribute', 'check', 'class', 'flag', 'level', 'quest', 'standing'].sort(),
    );
  });

  it('has consequences: flags, quests started and failed, standing both ways, items, bribes, trade', () => {
    const byKind = new Map<string, DialogueEffect[]>();
    for (const e of effects()) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
    for (const k of ['set_flag', 'start_quest', 'fail_quest', 'reputation', 'give_item', 'pay'])
      expect(byKind.has(k), k).toBe(true);
    const rep = byKind.get('reputation')!.map((e) => (e.kind === 'reputation' ? e.delta : 0));
    expect(rep.some((d) => d > 0) && rep.some((d) => d < 0)).toBe(true);
  });
});

describe('contacts and vendors', () => {
  it('each new district has a fixer, faction people and a vendor', () => {
    for (const zone of ['westbrook', 'city-center']) {
      const here = CONTACTS.filter((c) => c.zoneId === zone);
      expect(here.length, zone).toBeGreaterThanOrEqual(3);
      expect(
        here.some((c) => c.title === 'Fixer'),
        zone,
      ).toBe(true);
      expect(
        here.some((c) => c.vendorId),
        zone,
      ).toBe(true);
      expect(new Set(here.map((c) => c.factionId)).size, zone).toBeGreaterThanOrEqual(3);
    }
    // contacts speak for most of the factions players can deal with
    const improvable = FACTIONS.filter((f) => f.playerCanImprove).map((f) => f.id);
    const spoken = new Set(CONTACTS.map((c) => c.factionId));
    expect(improvable.filter((f) => spoken.has(f)).length).toBeGreaterThanOrEqual(7);
  });

  it('every district has a vendor with unlimited, daily-limited and standing-gated stock', () => {
    for (const z of ZONES) {
      const vendors = VENDORS.filter((v) => contactById(v.contactId)?.zoneId === z.id);
      expect(vendors.length, z.id).toBeGreaterThanOrEqual(1);
      expect(
        vendors.some(
          (v) =>
            v.stock.some((s) => s.dailyLimit === undefined) &&
            v.stock.some((s) => s.dailyLimit !== undefined) &&
            v.stock.some((s) => s.minStanding !== undefined),
        ),
        z.id,
      ).toBe(true);
      for (const v of vendors) expect(v.buys, v.id).not.toContain('quest');
    }
  });

  it('every district has 3–5 named areas (Watson one more: the welcome quest’s first mark)', () => {
    for (const z of ZONES) {
      const landmarks = z.areas.filter((a) => a.id !== 'plaza_edge');
      expect(landmarks.length, z.id).toBeGreaterThanOrEqual(3);
      expect(landmarks.length, z.id).toBeLessThanOrEqual(5);
    }
  });
});
