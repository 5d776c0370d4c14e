import { describe, expect, it } from 'vitest';
import { checkContent, formatContentProblems, shippedContent, type ContentToCheck } from './check';
import { ITEM_TEMPLATES, itemTemplateById } from './items';
import { LOOT_TABLES } from './loot-tables';
import { RARITIES, TEMPLATE_SLOTS, DAMAGE_TYPES } from './item-schema';
import { SKILLS } from './skills';
import { npcTemplateById } from './npcs';
import { ABILITY_TEMPLATE_INPUTS, CLASS_ABILITIES, abilityById } from './abilities';
import { EFFECT_TEMPLATE_INPUTS, effectById } from './effects';
import { zoneById } from './zones';

const base = (): ContentToCheck => shippedContent();
/**
 * Fixtures that replace the loot tables drop the shipped NPCs (they name shipped
 * tables) and with them the shipped zones (their spawns name shipped NPCs).
 */
const messages = (c: Partial<ContentToCheck>) =>
  formatContentProblems(
    checkContent({
      ...base(),
      ...(c.lootTables && !c.npcs ? { npcs: [], zones: [] } : {}),
      ...c,
    }),
  );

describe('shipped content', () => {
  it('has no problems', () => {
    expect(formatContentProblems(checkContent())).toEqual([]);
  });

  it('is broad enough: ≥ 60 templates, every rarity, slot and damage type, levels 1–50', () => {
    expect(ITEM_TEMPLATES.length).toBeGreaterThanOrEqual(60);
    for (const r of RARITIES)
      expect(
        ITEM_TEMPLATES.some((t) => t.rarity === r),
        r,
      ).toBe(true);
    for (const s of TEMPLATE_SLOTS)
      expect(
        ITEM_TEMPLATES.some((t) => t.slot === s),
        s,
      ).toBe(true);
    const weapons = ITEM_TEMPLATES.filter((t) => t.kind === 'weapon');
    for (const d of DAMAGE_TYPES)
      expect(
        weapons.some((t) => t.stats?.damageType === d),
        d,
      ).toBe(true);
    const levels = ITEM_TEMPLATES.map((t) => t.levelReq);
    expect(Math.min(...levels)).toBe(1);
    expect(Math.max(...levels)).toBe(50);
    expect(ITEM_TEMPLATES.some((t) => t.classReq?.length)).toBe(true);
    for (const b of ['none', 'pickup', 'equip'])
      expect(
        ITEM_TEMPLATES.some((t) => t.binding === b),
        b,
      ).toBe(true);
    expect(SKILLS.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps the ids other domains and tests rely on', () => {
    expect(itemTemplateById('pistol_unity')).toMatchObject({ slot: 'main_hand', rarity: 'common' });
    expect(itemTemplateById('pistol_unity')?.maxDurability).toBeGreaterThan(0);
    expect(itemTemplateById('jacket_kevlar')).toMatchObject({ kind: 'armor', slot: 'body' });
    expect(itemTemplateById('stim_basic')).toMatchObject({ kind: 'consumable', stackSize: 20 });
    expect(itemTemplateById('scrap_metal')).toMatchObject({ kind: 'material', stackSize: 99 });
    expect(itemTemplateById('cyber_optics_kiroshi')).toMatchObject({ kind: 'cyberware' });
    expect(LOOT_TABLES.map((t) => t.id)).toContain('crate_watson_common');
  });
});

describe('checkContent reports broken content', () => {
  const item = itemTemplateById('scrap_metal')!;

  it('a loot table naming a missing item or table, and a zone naming a missing table', () => {
    expect(
      messages({
        lootTables: [
          { id: 'a', guaranteed: [{ item: 'no_such_item' }], groups: [] },
          { id: 'b', groups: [{ entries: [{ table: 'no_such_table', weight: 1 }] }] },
        ],
        zoneLootRefs: [{ zoneId: 'watson', spawnId: 'crate-1', lootTable: 'gone' }],
      }),
    ).toEqual([
      'loot a: guaranteed[0]: unknown item no_such_item',
      'loot b: groups[0].entries[0]: unknown table no_such_table',
      'zone watson: spawn point crate-1: unknown loot table gone',
    ]);
  });

  it('cycles between tables', () => {
    expect(
      messages({
        lootTables: [
          { id: 'a', guaranteed: [{ table: 'b' }] },
          { id: 'b', groups: [{ entries: [{ table: 'c', weight: 1 }] }] },
          { id: 'c', guaranteed: [{ table: 'a' }] },
          { id: 'self', guaranteed: [{ table: 'self' }] },
        ],
        zoneLootRefs: [],
      }),
    ).toEqual(['loot a: cycle a → b → c → a', 'loot self: cycle self → self']);
  });

  it('impossible level ranges and entries that can never drop', () => {
    expect(
      messages({
        lootTables: [
          { id: 'a', condition: { minLevel: 30, maxLevel: 10 } },
          {
            id: 'b',
            condition: { maxLevel: 10 },
            guaranteed: [{ item: 'scrap_metal', condition: { minLevel: 20 } }],
            groups: [
              { condition: { minLevel: 11 }, entries: [{ item: 'scrap_metal', weight: 1 }] },
            ],
          },
        ],
        zoneLootRefs: [],
      }),
    ).toEqual([
      'loot a: impossible level range 30–10',
      'loot b: guaranteed[0]: can never drop (level range 20–10)',
      'loot b: groups[0]: can never drop (level range 11–10)',
    ]);
  });

  it('pools with no template in their level window', () => {
    expect(
      messages({
        lootTables: [
          {
            id: 'p',
            condition: { maxLevel: 3 },
            guaranteed: [{ pool: { kind: 'weapon', minRarity: 'legendary' } }],
          },
        ],
        zoneLootRefs: [],
      }),
    ).toEqual(['loot p: guaranteed[0]: pool weapon has no template at level(s) 1,2,3']);
  });

  it('duplicate ids, schema violations and incomplete weapons', () => {
    const weapon = itemTemplateById('pistol_unity')!;
    const out = messages({
      items: [
        item,
        item,
        { ...item, id: 'heavy_stack', slot: 'head' },
        { ...weapon, id: 'no_damage', stats: { damageMin: 1, damageMax: 2 } },
      ],
      lootTables: [{ id: 'x' }, { id: 'x' }, { id: 'bad', currency: { min: 9, max: 1 } }],
      zoneLootRefs: [],
    });
    expect(out).toContain('item scrap_metal: duplicate id');
    expect(out.some((m) => m.startsWith('item heavy_stack: '))).toBe(true);
    expect(out).toContain('item no_damage: weapon needs stats.damageType');
    expect(out).toContain('loot x: duplicate id');
    expect(out).toContain('loot bad: currency min exceeds max');
  });

  it('perk thresholds out of order and duplicate perks', () => {
    const perk = (id: string, level: number) => ({
      id,
      name: `Perk ${id}`,
      level,
      description: '',
    });
    expect(
      messages({
        skills: [
          {
            id: 's',
            name: 'Skill',
            description: '',
            attribute: 'cool',
            perks: [perk('a', 5), perk('b', 3), perk('a', 9)],
          },
        ],
      }),
    ).toEqual([
      'skill s: perk b (level 3) is not above a (level 5)',
      'skill s: duplicate perk id a',
    ]);
  });

  it('NPCs with a missing loot table, a short leash, a bad level or a gated loot table', () => {
    const punk = npcTemplateById('tyger_claws_punk')!;
    const out = messages({
      npcs: [
        { ...punk, id: 'lost_loot', lootTable: 'no_such_table' },
        { ...punk, id: 'short_leash', behaviour: { aggroRange: 30, leashRange: 10 } },
        { ...punk, id: 'too_high', level: 51 },
        { ...punk, id: 'too_low', level: 0 },
        { ...punk, id: 'gated', level: 40 },
        { ...punk, id: 'bad_flee', behaviour: { aggroRange: 5, leashRange: 10, fleeAtHealth: 2 } },
        { ...punk, id: 'bad_damage', damageMin: 9, damageMax: 3 },
        punk,
        punk,
      ],
    });
    expect(out).toContain('npc lost_loot: unknown loot table no_such_table');
    expect(out).toContain('npc short_leash: leashRange 10 is below aggroRange 30');
    expect(out.some((m) => m.startsWith('npc too_high: level: '))).toBe(true);
    expect(out.some((m) => m.startsWith('npc too_low: level: '))).toBe(true);
    expect(out).toContain(
      'npc gated: loot table thugs_street_low never drops at level 40 (levels 1–12)',
    );
    expect(out.some((m) => m.startsWith('npc bad_flee: behaviour.fleeAtHealth: '))).toBe(true);
    expect(out).toContain('npc bad_damage: damageMax must be at least damageMin');
    expect(out).toContain('npc tyger_claws_punk: duplicate id');
  });
});

describe('checkContent reports broken combat content', () => {
  const punk = npcTemplateById('tyger_claws_punk')!;
  const attack = abilityById('solo_attack')!;
  const stance = abilityById('solo_defensive_stance')!;
  const bleed = effectById('bleed')!;

  it('class ability lists naming missing, foreign or misplaced abilities', () => {
    const out = messages({
      classAbilities: {
        ...CLASS_ABILITIES,
        solo: ['solo_attack', 'no_such_ability', 'medtech_nano_heal', 'solo_attack'],
        netrunner: ['netrunner_overheat', 'netrunner_attack'],
        techie: [...CLASS_ABILITIES.techie, 'techie_attack'],
        hacker: ['solo_attack'],
      },
    });
    expect(out).toContain('class solo: unknown ability no_such_ability');
    expect(out).toContain('class solo: ability medtech_nano_heal belongs to medtech');
    expect(out).toContain('class solo: ability solo_attack listed twice');
    expect(out).toContain('class netrunner: key 1 (netrunner_overheat) must be a basic attack');
    expect(out).toContain('class techie: 7 abilities do not fit the 6-key bar');
    expect(out).toContain('class hacker: unknown class');
    // left off its class's bar, an ability can never be used
    expect(out).toContain('ability solo_power_shot: not on the solo ability list (unreachable)');
  });

  it('a class without a list, and a bar whose levels go down', () => {
    const { medtech: _dropped, ...rest } = CLASS_ABILITIES;
    const out = messages({
      classAbilities: {
        ...rest,
        solo: ['solo_attack', 'solo_combat_stims', 'solo_power_shot'],
      },
    });
    expect(out).toContain('class medtech: has no ability list');
    expect(out).toContain(
      'class solo: ability solo_power_shot (level 1) comes after a level 8 ability',
    );
  });

  it('NPCs naming a missing ability or a class ability, or lacking npc_attack', () => {
    const out = messages({
      npcs: [
        { ...punk, id: 'ghost_move', abilities: ['npc_attack', 'npc_moonwalk'] },
        { ...punk, id: 'borrowed', abilities: ['npc_attack', 'solo_power_shot'] },
        { ...punk, id: 'unarmed', abilities: ['npc_berserk'] },
      ],
      zones: [],
    });
    expect(out).toEqual([
      'npc ghost_move: unknown ability npc_moonwalk',
      'npc borrowed: ability solo_power_shot belongs to solo, not npc',
      'npc unarmed: abilities must include npc_attack',
    ]);
  });

  it('abilities naming a missing effect, a wrong owner, or inconsistent fields', () => {
    const out = messages({
      abilities: [
        ...ABILITY_TEMPLATE_INPUTS.filter((a) => a.id !== 'solo_attack'),
        { ...attack, effects: [{ effectId: 'no_such_effect' }] },
        { ...attack, id: 'orphan', owner: 'pirate' },
        { ...attack, id: 'grenade_no_radius', owner: 'npc', role: 'area' },
        { ...attack, id: 'fixed_no_range', owner: 'npc', damage: { source: 'fixed' } },
        { ...attack, id: 'pricey', owner: 'npc', cost: 150 },
        { ...stance, id: 'self_harm', owner: 'npc', cost: 0, effects: [{ effectId: 'bleed' }] },
        { ...attack, id: 'gift', owner: 'npc', effects: [{ effectId: 'shield' }] },
        { ...stance, id: 'self_hit', owner: 'npc', cost: 0, damage: { source: 'weapon' } },
        { ...attack, id: 'enemy_heal', owner: 'npc', heal: { amount: 10 } },
        { ...attack, id: 'friendly_fire', owner: 'npc', target: 'ally' },
        { ...attack, id: 'nothing', owner: 'npc', damage: undefined },
      ],
    });
    expect(out).toContain('ability solo_attack: unknown effect no_such_effect');
    expect(out).toContain('ability orphan: unknown owner pirate');
    expect(out).toContain('ability grenade_no_radius: area ability needs a radius');
    expect(out).toContain('ability fixed_no_range: fixed damage needs min and max');
    expect(out).toContain('ability pricey: cost 150 exceeds RESOURCE_MAX 100');
    expect(out).toContain('ability pricey: NPC abilities cost nothing (NPCs have no resource)');
    expect(out).toContain(
      'ability self_harm: effect bleed is harmful but lands on the user or an ally',
    );
    expect(out).toContain('ability gift: effect shield is beneficial but lands on an enemy');
    expect(out).toContain('ability self_hit: self-targeted damage needs a radius');
    expect(out).toContain('ability enemy_heal: heals an enemy');
    expect(out).toContain('ability friendly_fire: damages an ally');
    expect(out.some((m) => m.startsWith('ability nothing: '))).toBe(true);
  });

  it('effects missing the fields their kind needs', () => {
    const out = messages({
      effects: [
        ...EFFECT_TEMPLATE_INPUTS,
        { ...bleed, id: 'no_tick', tickMs: undefined },
        { ...bleed, id: 'no_type', damageType: undefined, amount: 0 },
        { ...bleed, id: 'slow_tick', tickMs: 10_000 },
        {
          id: 'limp',
          name: 'Limp',
          kind: 'slow',
          beneficial: false,
          durationMs: 1000,
          stacking: 'refresh',
        },
        { ...bleed, id: 'one_stack', stacking: 'stack', maxStacks: 1 },
        { ...bleed, id: 'many_refresh', stacking: 'refresh', maxStacks: 3 },
        { ...bleed, id: 'kind_bleed', beneficial: true },
        bleed,
      ],
    });
    expect(out).toEqual([
      'effect bleed: duplicate id',
      'effect no_tick: dot needs tickMs',
      'effect no_type: dot needs a positive amount',
      'effect no_type: dot needs a damageType',
      'effect slow_tick: tickMs 10000 exceeds durationMs 6000',
      'effect limp: slow needs a positive magnitude',
      'effect one_stack: stacking "stack" needs maxStacks ≥ 2',
      'effect many_refresh: maxStacks only applies to "stack"',
      'effect kind_bleed: a dot effect should have beneficial: false',
    ]);
  });

  describe('zones', () => {
    const watson = zoneById('watson')!;
    const spawn = watson.npcSpawns.find((s) => s.templateId === 'tyger_claws_punk')!;
    const zoneMessages = (zone: object) =>
      messages({ zones: [{ ...watson, ...zone }] }).filter((m) => m.startsWith('zone '));

    it('the shipped zones are clean (the fixtures below break one thing each)', () => {
      expect(zoneMessages({})).toEqual([]);
    });

    it('an npc spawn naming a missing template, or one outside the zone levels', () => {
      expect(
        zoneMessages({
          npcSpawns: [
            { ...spawn, id: 'ghosts', templateId: 'no_such_npc' },
            { ...spawn, id: 'too-strong', templateId: 'cyberpsycho_blackwall' },
            { ...spawn, id: 'too-strong' },
          ],
        }),
      ).toEqual([
        'zone watson: npc spawn ghosts: unknown npc template no_such_npc',
        "zone watson: npc spawn too-strong: cyberpsycho_blackwall (level 50) is outside the zone's levels 1–12",
        'zone watson: npc spawn too-strong: duplicate id',
      ]);
    });

    it('an npc area leaving the zone, centred in a building, or overlapping one', () => {
      const hall = watson.obstacles.find((o) => o.name === 'Kabuki Market Hall')!;
      expect(
        zoneMessages({
          npcSpawns: [
            { ...spawn, id: 'edge', x: 3, y: 300, radius: 5 },
            { ...spawn, id: 'indoors', x: hall.x + 5, y: hall.y + 5 },
            { ...spawn, id: 'doorstep', x: hall.x - 3, y: hall.y + 10, radius: 5 },
          ],
        }),
      ).toEqual([
        'zone watson: npc spawn edge: area leaves the zone',
        'zone watson: npc spawn indoors: centre lies inside obstacle Kabuki Market Hall',
        'zone watson: npc spawn doorstep: area overlaps obstacle Kabuki Market Hall',
      ]);
    });

    it('a spawn point inside a building, an obstacle outside the zone or on a street', () => {
      expect(
        zoneMessages({
          obstacles: [
            ...watson.obstacles,
            { x: 240, y: 235, w: 50, h: 35, name: 'Plaza Tower' },
            { x: 500, y: 10, w: 20, h: 20, name: 'Overhang' },
          ],
          npcSpawns: [],
        }),
      ).toEqual([
        'zone watson: obstacle Plaza Tower blocks street at 251,0',
        'zone watson: obstacle Plaza Tower blocks street at 0,251',
        'zone watson: obstacle Plaza Tower blocks street Kabuki Boulevard at 0,250',
        'zone watson: obstacle Plaza Tower blocks street Little China Ave at 250,0',
        'zone watson: obstacle Overhang leaves the zone',
        'zone watson: spawn point watson-start lies inside obstacle Plaza Tower',
        'zone watson: spawn point watson-bank lies inside obstacle Plaza Tower',
      ]);
    });

    it('NPCs without a medical center to respawn at', () => {
      expect(
        zoneMessages({
          spawnPoints: watson.spawnPoints.filter((s) => s.kind !== 'medical_center'),
        }),
      ).toEqual(['zone watson: has NPCs but no medical_center to respawn at']);
    });
  });
});
