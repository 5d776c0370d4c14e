import { describe, expect, it } from 'vitest';
import { ItemTemplateSchema, type ItemTemplate } from '../content/item-schema';
import { itemTemplateById } from '../content/items';
import { LOOT_TABLES, LOST_SHIPMENT_QUEST_ID } from '../content/loot-tables';
import { LootTableSchema, type LootTable, type LootTableInput } from '../content/loot-schema';
import { currencyScale, rollLoot, rollRarity, type LootContent, type LootRng } from './loot';

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

const tpl = (id: string, rarity: ItemTemplate['rarity'], levelReq = 1): ItemTemplate =>
  ItemTemplateSchema.parse({
    id,
    name: id,
    description: '',
    kind: 'weapon',
    slot: 'main_hand',
    rarity,
    levelReq,
    stackSize: 1,
    weight: 1,
    value: 1,
    binding: 'none',
    maxDurability: 10,
    stats: { damageMin: 1, damageMax: 2 },
    glyph: 'w',
  });

const TEMPLATES = [
  tpl('gun_c1', 'common', 1),
  tpl('gun_c2', 'common', 3),
  tpl('gun_u', 'uncommon', 2),
  tpl('gun_e', 'epic', 5),
  tpl('gun_l40', 'legendary', 40),
];

const fixtures = (tables: LootTableInput[]): LootContent => ({
  tables: new Map(tables.map((t) => [t.id, LootTableSchema.parse(t)] as [string, LootTable])),
  templates: TEMPLATES,
});

const roll = (content: LootContent, id: string, seed: number, level = 1, quests: string[] = []) =>
  rollLoot(id, { level, rng: rngFrom(seed), activeQuestIds: quests, content });

describe('rollLoot', () => {
  it('replays: the same seed gives the same result, other seeds differ', () => {
    const a = Array.from({ length: 50 }, (_, i) =>
      rollLoot('crate_watson_common', { level: 5, rng: rngFrom(i) }),
    );
    const b = Array.from({ length: 50 }, (_, i) =>
      rollLoot('crate_watson_common', { level: 5, rng: rngFrom(i) }),
    );
    expect(b).toEqual(a);
    expect(new Set(a.map((r) => JSON.stringify(r))).size).toBeGreaterThan(10);
    for (const r of a)
      for (const it of r.items) {
        expect(itemTemplateById(it.templateId)).toBeDefined();
        expect(it.quantity).toBeGreaterThan(0);
      }
  });

  it('drops a group with its chance and picks entries by weight (20 000 rolls)', () => {
    const content = fixtures([
      {
        id: 't',
        groups: [
          {
            chance: 0.5,
            entries: [
              { item: 'a', weight: 1 },
              { item: 'b', weight: 3 },
            ],
          },
          { chance: 0.2, entries: [{ item: 'c', weight: 1 }] },
        ],
      },
    ]);
    const rng = rngFrom(42);
    const N = 20_000;
    const n = { a: 0, b: 0, c: 0, both: 0 };
    for (let i = 0; i < N; i++) {
      const ids = rollLoot('t', { level: 1, rng, content }).items.map((x) => x.templateId);
      if (ids.includes('a')) n.a++;
      if (ids.includes('b')) n.b++;
      if (ids.includes('c')) n.c++;
      if (ids.includes('a') && ids.includes('b')) n.both++;
    }
    expect(n.both).toBe(0); // at most one entry per group
    expect((n.a + n.b) / N).toBeCloseTo(0.5, 1);
    expect(Math.abs((n.a + n.b) / N - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(n.a / (n.a + n.b) - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(n.c / N - 0.2)).toBeLessThan(0.015);
  });

  it('always drops guaranteed entries with a quantity in range, merging identical templates', () => {
    const content = fixtures([
      {
        id: 't',
        guaranteed: [
          { item: 'x', min: 2, max: 4 },
          { item: 'x', min: 1, max: 1 },
        ],
      },
    ]);
    for (let s = 0; s < 200; s++) {
      const r = roll(content, 't', s);
      expect(r.items).toHaveLength(1);
      expect(r.items[0]!.quantity).toBeGreaterThanOrEqual(3);
      expect(r.items[0]!.quantity).toBeLessThanOrEqual(5);
    }
  });

  it('rolls nested tables min..max times and adds their currency', () => {
    const content = fixtures([
      { id: 'outer', guaranteed: [{ table: 'inner', min: 3, max: 3 }, { item: 'o' }] },
      { id: 'inner', guaranteed: [{ item: 'i', min: 2, max: 2 }], currency: { min: 5, max: 5 } },
    ]);
    expect(roll(content, 'outer', 1)).toEqual({
      items: [
        { templateId: 'i', quantity: 6 },
        { templateId: 'o', quantity: 1 },
      ],
      eddies: 15,
    });
  });

  it('survives a cycle: a table already being rolled is skipped', () => {
    const content = fixtures([
      { id: 'a', guaranteed: [{ item: 'from_a' }, { table: 'b' }] },
      { id: 'b', guaranteed: [{ item: 'from_b' }, { table: 'a' }, { table: 'b' }] },
    ]);
    expect(roll(content, 'a', 1).items).toEqual([
      { templateId: 'from_a', quantity: 1 },
      { templateId: 'from_b', quantity: 1 },
    ]);
  });

  it('honours quest and level conditions on tables, guaranteed entries, groups and group entries', () => {
    const content = fixtures([
      {
        id: 't',
        guaranteed: [
          { item: 'quest_item', condition: { questActive: 'q1' } },
          { item: 'low', condition: { maxLevel: 10 } },
          { table: 'high_only' },
        ],
        groups: [
          { condition: { minLevel: 20 }, entries: [{ item: 'group_high', weight: 1 }] },
          {
            entries: [
              { item: 'never_low', weight: 1000, condition: { minLevel: 30 } },
              { item: 'always', weight: 1 },
            ],
          },
        ],
      },
      { id: 'high_only', condition: { minLevel: 20 }, guaranteed: [{ item: 'nested_high' }] },
    ]);
    const ids = (level: number, quests: string[] = []) =>
      roll(content, 't', 7, level, quests)
        .items.map((i) => i.templateId)
        .sort();
    expect(ids(5)).toEqual(['always', 'low']);
    expect(ids(5, ['q1'])).toEqual(['always', 'low', 'quest_item']);
    expect(ids(25)).toEqual(['always', 'group_high', 'nested_high']);
    expect(ids(30)).toEqual(['group_high', 'nested_high', 'never_low']);
  });

  it('scales currency by level', () => {
    const content = fixtures([
      { id: 't', currency: { min: 10, max: 10 }, levelScaling: 0.1 },
      { id: 'flat', currency: { min: 10, max: 20 } },
    ]);
    expect(currencyScale(0.1, 1)).toBe(1);
    expect(roll(content, 't', 1, 1).eddies).toBe(10);
    expect(roll(content, 't', 1, 11).eddies).toBe(20);
    expect(roll(content, 't', 1, 50).eddies).toBe(59);
    for (let s = 0; s < 100; s++) {
      const e = roll(content, 'flat', s, 40).eddies;
      expect(e).toBeGreaterThanOrEqual(10);
      expect(e).toBeLessThanOrEqual(20);
    }
  });

  it('resolves pools by rolled rarity within the level window, stepping down, then up, when a rarity has none', () => {
    const content = fixtures([
      { id: 'epic', guaranteed: [{ pool: { kind: 'weapon' } }], rarityWeights: { epic: 1 } },
      { id: 'rare', guaranteed: [{ pool: { kind: 'weapon' } }], rarityWeights: { rare: 1 } },
      {
        id: 'floor',
        guaranteed: [{ pool: { kind: 'weapon', minRarity: 'legendary', levelBelow: 0 } }],
      },
      { id: 'armor', guaranteed: [{ pool: { kind: 'armor' } }] },
      { id: 'many', guaranteed: [{ pool: { kind: 'weapon' }, min: 5, max: 5 }] },
    ]);
    // level 5: epic gun_e qualifies; level 4: gun_e (levelReq 5) does not → falls to uncommon
    expect(roll(content, 'epic', 1, 5).items).toEqual([{ templateId: 'gun_e', quantity: 1 }]);
    expect(roll(content, 'epic', 1, 4).items).toEqual([{ templateId: 'gun_u', quantity: 1 }]);
    // window 40..50 has only a legendary: nothing rare or lower, so the nearest higher rarity
    expect(roll(content, 'rare', 1, 50).items).toEqual([{ templateId: 'gun_l40', quantity: 1 }]);
    expect(roll(content, 'floor', 1, 40).items).toEqual([{ templateId: 'gun_l40', quantity: 1 }]);
    expect(roll(content, 'floor', 1, 39).items).toEqual([]); // never below the floor
    expect(roll(content, 'rare', 1, 30).items).toEqual([]); // empty window 20..30
    expect(roll(content, 'armor', 1, 10).items).toEqual([]);
    const commons = new Set<string>();
    for (let s = 0; s < 200; s++)
      for (const it of roll(content, 'many', s, 3).items) commons.add(it.templateId);
    expect([...commons].every((id) => id.startsWith('gun_'))).toBe(true);
    expect(commons.has('gun_c1') && commons.has('gun_c2')).toBe(true);
  });

  it('rolls rarities by weight', () => {
    const rng = rngFrom(9);
    const n: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const r = rollRarity({ common: 3, rare: 1 }, rng);
      n[r] = (n[r] ?? 0) + 1;
    }
    expect(Object.keys(n).sort()).toEqual(['common', 'rare']);
    expect(Math.abs(n.rare! / 20_000 - 0.25)).toBeLessThan(0.02);
    expect(rollRarity({}, rng)).toBe('common');
  });

  it('throws on an unknown table', () => {
    expect(() => rollLoot('no_such_table', { level: 1, rng: rngFrom(1) })).toThrow(
      /unknown loot table/,
    );
  });

  it('rolls every shipped table at every level into known templates', () => {
    const rng = rngFrom(3);
    for (const t of LOOT_TABLES)
      for (let level = 1; level <= 50; level += 7)
        for (let i = 0; i < 30; i++)
          for (const it of rollLoot(t.id, { level, rng }).items)
            expect(itemTemplateById(it.templateId), `${t.id} → ${it.templateId}`).toBeDefined();
  });

  it('drops quest evidence from the shipment crate only while the quest is active', () => {
    const ids = (quests: string[]) =>
      rollLoot('crate_arasaka_shipment', {
        level: 5,
        rng: rngFrom(1),
        activeQuestIds: quests,
      }).items.map((i) => i.templateId);
    expect(ids([LOST_SHIPMENT_QUEST_ID])).toContain('junk_shipping_manifest');
    expect(ids([])).not.toContain('junk_shipping_manifest');
  });

  it('gives bosses gear of at least rare quality', () => {
    const rng = rngFrom(11);
    for (let i = 0; i < 200; i++) {
      const gear = rollLoot('boss_royce', { level: 30, rng })
        .items.map((x) => itemTemplateById(x.templateId)!)
        .filter((t) => t.slot !== undefined);
      expect(gear.length).toBeGreaterThanOrEqual(3);
      for (const t of gear) expect(['rare', 'epic', 'legendary']).toContain(t.rarity);
    }
  });
});

describe('the raid chest (Quantum Leviathan NX-0)', () => {
  const rank = (r: string) => ['common', 'uncommon', 'rare', 'epic', 'legendary'].indexOf(r);
  const gearOf = (roll: ReturnType<typeof rollLoot>) =>
    roll.items
      .map((i) => itemTemplateById(i.templateId)!)
      .filter((t) => ['weapon', 'armor', 'cyberware'].includes(t.kind));

  it('beats the dungeon’s: three pieces of epic-or-better gear, its qubit and more eddies', () => {
    let raidEddies = 0;
    let dungeonEddies = 0;
    let dungeonBelowEpic = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const raid = rollLoot('raid_quantum_reef', { level: 48, rng: rngFrom(seed) });
      const gear = gearOf(raid);
      expect(gear.length).toBeGreaterThanOrEqual(3);
      for (const t of gear) expect(rank(t.rarity)).toBeGreaterThanOrEqual(rank('epic'));
      expect(raid.items.some((i) => i.templateId === 'leviathan_qubit')).toBe(true);
      raidEddies += raid.eddies;
      // the dungeon's boss (Reef Warden TDX-9) drops from boss_watson at its level
      const dungeon = rollLoot('boss_watson', { level: 15, rng: rngFrom(seed) });
      dungeonBelowEpic += gearOf(dungeon).filter((t) => rank(t.rarity) < rank('epic')).length;
      dungeonEddies += dungeon.eddies;
    }
    // the dungeon's chest often holds less than epic; the raid's never does
    expect(dungeonBelowEpic).toBeGreaterThan(0);
    expect(raidEddies).toBeGreaterThan(5 * dungeonEddies);
  });
});
