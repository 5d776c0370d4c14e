import { describe, expect, it } from 'vitest';
import {
  checkContent,
  formatContentProblems,
  shippedContent,
  shippedStory,
  type ContentToCheck,
  type StoryContentToCheck,
} from './check';
import { ITEM_TEMPLATES, ITEM_TEMPLATE_INPUTS, itemTemplateById } from './items';
import { LOOT_TABLES, LOOT_TABLE_INPUTS } from './loot-tables';
import { CONTACT_INPUTS } from './contacts';
import { DIALOGUE_INPUTS } from './dialogues';
import { FACTION_INPUTS } from './factions';
import { QUEST_INPUTS } from './quests';
import { VENDOR_INPUTS } from './vendors';
import type { ContactInput } from './contact-schema';
import type { DialogueInput } from './dialogue-schema';
import type { QuestInput } from './quest-schema';
import type { VendorInput } from './vendor-schema';
import { RARITIES, TEMPLATE_SLOTS, DAMAGE_TYPES } from './item-schema';
import { SKILLS } from './skills';
import { npcTemplateById } from './npcs';
import { ABILITY_TEMPLATE_INPUTS, CLASS_ABILITIES, abilityById } from './abilities';
import { EFFECT_TEMPLATE_INPUTS, effectById } from './effects';
import { zoneById } from './zones';

/** Story content (quests, dialogues…) names everything else: its fixtures are below. */
const base = (): ContentToCheck => ({
  ...shippedContent(),
  story: undefined,
  // recipes name materials the loot fixtures below leave out: their fixtures are in check-crafting.test.ts
  crafting: undefined,
});
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
        'zone watson: area kabuki_market: centre lies inside obstacle Plaza Tower',
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

describe('checkContent reports broken story content', () => {
  /** Shipped content with some story lists replaced; only messages starting with `prefix`. */
  const story = (
    prefix: string,
    patch: Partial<StoryContentToCheck>,
    rest: Partial<ContentToCheck> = {},
  ) =>
    formatContentProblems(
      checkContent({ ...shippedContent(), ...rest, story: { ...shippedStory(), ...patch } }),
    ).filter((m) => m.startsWith(prefix));
  const contact = (id: string) => CONTACT_INPUTS.find((c) => c.id === id)!;
  const dialogue = (id: string) => DIALOGUE_INPUTS.find((d) => d.id === id)!;
  const quest = (id: string) => QUEST_INPUTS.find((q) => q.id === id)!;
  const vendor = (id: string) => VENDOR_INPUTS.find((v) => v.id === id)!;
  /** The shipped list with one object replaced (same id) or added. */
  const swap = <T extends { id: string }>(list: readonly T[], ...items: T[]): T[] => [
    ...list.filter((x) => !items.some((i) => i.id === x.id)),
    ...items,
  ];
  const contacts = (...c: ContactInput[]) => ({ contacts: swap(CONTACT_INPUTS, ...c) });
  const dialogues = (...d: DialogueInput[]) => ({ dialogues: swap(DIALOGUE_INPUTS, ...d) });
  const quests = (...q: QuestInput[]) => ({ quests: swap(QUEST_INPUTS, ...q) });
  const vendors = (...v: VendorInput[]) => ({ vendors: swap(VENDOR_INPUTS, ...v) });
  const regina = contact('regina');
  const streetCred = quest('q_street_cred');

  it('the shipped story is clean (each fixture below breaks one thing)', () => {
    expect(story('', {})).toEqual([]);
  });

  it('a faction naming an unknown rival, and duplicate faction ids', () => {
    const [first] = FACTION_INPUTS;
    expect(
      story('faction ', {
        factions: [
          ...FACTION_INPUTS,
          { ...first!, id: 'ghosts', rivals: [{ factionId: 'nobody', factor: 0.5 }] },
          first!,
        ],
      }),
    ).toEqual(['faction city_security: duplicate id', 'faction ghosts: unknown rival nobody']);
  });

  describe('contacts', () => {
    it('unknown zone, faction, dialogue and vendor; duplicate ids', () => {
      expect(
        story(
          'contact ',
          contacts(
            {
              ...regina,
              id: 'ghost',
              zoneId: 'atlantis',
              factionId: 'nobody',
              dialogueId: 'silence',
              vendorId: 'no_shop',
            },
            regina,
          ),
        ).concat(story('contact regina', { contacts: [...CONTACT_INPUTS, regina] })),
      ).toEqual([
        'contact ghost: unknown faction nobody',
        'contact ghost: unknown dialogue silence',
        'contact ghost: unknown vendor no_shop',
        'contact ghost: unknown zone atlantis',
        'contact regina: duplicate id',
      ]);
    });

    it("another contact's dialogue or vendor", () => {
      expect(
        story(
          'contact impostor',
          contacts({
            ...regina,
            id: 'impostor',
            x: 256,
            y: 240,
            dialogueId: 'dex',
            vendorId: 'koji_noodles',
          }),
        ),
      ).toEqual([
        'contact impostor: dialogue dex belongs to dex',
        'contact impostor: vendor koji_noodles is run by koji',
      ]);
    });

    it('outside the zone, inside a building, or by an NPC spawn', () => {
      const hall = zoneById('watson')!.obstacles.find((o) => o.name === 'Kabuki Market Hall')!;
      expect(
        story(
          'contact ',
          contacts(
            { ...regina, id: 'far', x: 600 },
            { ...regina, id: 'indoors', x: hall.x + 10, y: hall.y + 10 },
            // 18 m from the plaza punks' centre: inside radius 12 + 25 m
            { ...regina, id: 'bait', x: 286, y: 300 },
          ),
          // (each borrows Regina's dialogue, which names Regina: not what this test is about)
        ).filter((m) => !m.includes('belongs to')),
      ).toEqual([
        'contact far: stands outside watson (512×512)',
        'contact indoors: stands inside obstacle Kabuki Market Hall',
        'contact bait: stands within 25 m of npc spawn watson-punks-plaza',
      ]);
    });

    it('walled in (not reachable on foot from the player start) or on top of another contact', () => {
      const watson = zoneById('watson')!;
      // a closed courtyard in the empty west block (walls thick enough for the 2 m walk grid)
      const walls = [
        { x: 4, y: 328, w: 44, h: 4 },
        { x: 4, y: 368, w: 44, h: 4 },
        { x: 4, y: 328, w: 4, h: 44 },
        { x: 44, y: 328, w: 4, h: 44 },
      ];
      expect(
        story(
          'contact ',
          contacts({ ...regina, id: 'hermit', x: 25, y: 350 }, { ...regina, id: 'twin', x: 240 }),
          {
            zones: [
              { ...watson, obstacles: [...watson.obstacles, ...walls] },
              ...shippedContent().zones.slice(1),
            ],
          },
        ).filter((m) => !m.includes('belongs to')),
      ).toEqual([
        "contact hermit: cannot be reached on foot from watson's player start",
        'contact twin: stands within 8 m of regina',
      ]);
    });
  });

  describe('dialogues', () => {
    it('one per contact, pointing both ways', () => {
      expect(
        story(
          'dialogue ',
          dialogues(
            { ...dialogue('dex'), id: 'dex_again' },
            { ...dialogue('koji'), contactId: 'nobody' },
          ),
        ),
      ).toEqual([
        'dialogue dex_again: contact dex talks through dex, not this',
        'dialogue dex_again: second dialogue for contact dex (first: dex)',
        'dialogue koji: unknown contact nobody',
      ]);
    });

    it('broken nodes: duplicates, dead ends, bad entries, unreachable nodes', () => {
      const koji: DialogueInput = {
        id: 'koji',
        contactId: 'koji',
        entries: [
          { node: 'nowhere' },
          { node: 'greet', conditions: [{ kind: 'level', atLeast: 2 }] },
        ],
        nodes: [
          {
            id: 'greet',
            text: 'Hi.',
            choices: [
              { id: 'a', text: 'A', next: 'missing' },
              { id: 'a', text: 'A again', next: 'end' },
              {
                id: 'juggle',
                text: 'Juggle',
                check: {
                  id: 'koji_juggle',
                  skill: 'juggling',
                  difficulty: 10,
                  success: 'gone',
                  failure: 'greet',
                },
              },
            ],
          },
          { id: 'greet', text: 'Hi again.' },
          { id: 'orphan', text: 'Nobody comes here.' },
        ],
      };
      expect(story('dialogue koji', dialogues(koji))).toEqual([
        'dialogue koji: duplicate node greet',
        'dialogue koji: entries[0] opens unknown node nowhere',
        'dialogue koji: the last entry has conditions (a fallback has none)',
        'dialogue koji: node greet choice a leads to unknown node missing',
        'dialogue koji: node greet: duplicate choice a',
        'dialogue koji: node greet choice juggle (success) leads to unknown node gone',
        'dialogue koji: node greet choice juggle: unknown skill juggling',
        'dialogue koji: node orphan is unreachable from the entries',
      ]);
    });

    it('conditions and effects naming unknown quests, flags, factions, checks, items and objectives', () => {
      const dex = dialogue('dex');
      const broken: DialogueInput = {
        ...dex,
        nodes: [
          ...dex.nodes.filter((n) => n.id !== 'greet'),
          {
            id: 'greet',
            text: 'Hm.',
            effects: [
              { kind: 'start_quest', questId: 'q_nope' },
              { kind: 'fail_quest', questId: 'q_nada', reason: 'because' },
              { kind: 'complete_objective', questId: 'q_street_cred', objectiveId: 'dance' },
              { kind: 'reputation', factionId: 'nobody', delta: 5 },
              { kind: 'give_item', templateId: 'unobtainium', quantity: 1 },
              { kind: 'open_vendor' },
            ],
            choices: [
              {
                id: 'x',
                text: 'X',
                conditions: [
                  { kind: 'quest', questId: 'q_nope', in: ['active'] },
                  { kind: 'flag', key: 'never.set' },
                  { kind: 'flag', key: 'chain.bitw.shard', value: 'arasaka' },
                  { kind: 'standing', factionId: 'nobody', atLeast: 'friendly' },
                  { kind: 'check', checkId: 'no_such_check', passed: true },
                ],
                next: 'container',
              },
            ],
          },
        ],
      };
      expect(story('dialogue dex', dialogues(broken))).toEqual([
        'dialogue dex: node greet: unknown quest q_nope',
        'dialogue dex: node greet: unknown quest q_nada',
        'dialogue dex: node greet: quest q_street_cred has no objective dance',
        'dialogue dex: node greet: unknown faction nobody',
        'dialogue dex: node greet: unknown item unobtainium',
        'dialogue dex: node greet: open_vendor, but contact dex has no vendor',
        'dialogue dex: node greet choice x: unknown quest q_nope',
        'dialogue dex: node greet choice x: condition flag never.set is never set',
        "dialogue dex: node greet choice x: condition flag chain.bitw.shard is never set to 'arasaka'",
        'dialogue dex: node greet choice x: unknown faction nobody',
        'dialogue dex: node greet choice x: unknown skill check no_such_check',
        // the new greet leads only to `container`: the rest of Dex's tree is cut off
        ...['warehouse', 'shard_wait', 'decide', 'chose_claws', 'chose_ncpd', 'after'].map(
          (n) => `dialogue dex: node ${n} is unreachable from the entries`,
        ),
      ]);
    });

    it('a skill check id used in two dialogues', () => {
      const dex = dialogue('dex');
      const copy: DialogueInput = {
        ...dex,
        nodes: dex.nodes.map((n) =>
          n.id !== 'container'
            ? n
            : {
                ...n,
                choices: [
                  {
                    id: 'cool',
                    text: '[Cool] Again?',
                    check: {
                      id: 'regina_cred',
                      attribute: 'cool',
                      difficulty: 8,
                      success: 'greet',
                      failure: 'greet',
                    },
                  },
                ],
              },
        ),
      };
      expect(story('dialogue ', dialogues(copy))).toEqual([
        'dialogue dex: skill check id regina_cred is defined 2 times (unique across dialogues)',
      ]);
    });
  });

  describe('quests', () => {
    it('unknown contacts and zone, levels that do not fit', () => {
      expect(
        story(
          'quest q_street_cred',
          quests({ ...streetCred, giverId: 'nobody', turnInId: 'noone', zoneId: 'atlantis' }),
        ).concat(
          story(
            'quest q_street_cred',
            quests({ ...streetCred, level: 20, prerequisites: { level: 25 } }),
          ),
        ),
      ).toEqual([
        'quest q_street_cred: unknown zone atlantis',
        'quest q_street_cred: unknown giver contact nobody',
        'quest q_street_cred: unknown turn-in contact noone',
        "quest q_street_cred: level 20 is outside watson's levels 1–12",
        'quest q_street_cred: prerequisite level 25 is above the quest level 20',
      ]);
    });

    it('objectives naming what does not exist', () => {
      expect(
        story(
          'quest q_street_cred',
          quests({
            ...streetCred,
            objectives: [
              { id: 'k', kind: 'kill', label: 'Kill', npcTemplateIds: ['dragon'], count: 1 },
              {
                id: 'c',
                kind: 'collect',
                label: 'Collect',
                itemTemplateId: 'unobtainium',
                count: 1,
              },
              { id: 't', kind: 'talk', label: 'Talk', contactId: 'nobody' },
              { id: 'r', kind: 'reach', label: 'Reach', zoneId: 'watson', areaId: 'moon' },
              {
                id: 'u',
                kind: 'use',
                label: 'Use',
                itemTemplateId: 'stim_basic',
                areaId: 'northside',
              },
              { id: 's', kind: 'skill_check', label: 'Check', checkId: 'no_such_check' },
              { id: 'f', kind: 'choice', label: 'Choose', flag: 'never.set' },
              { id: 'o', kind: 'skill_check', label: 'One roll', checkId: 'bitw_jun_bluff' },
            ],
          }),
        ),
      ).toEqual([
        'quest q_street_cred: objective k: unknown npc template dragon',
        'quest q_street_cred: objective c: unknown item unobtainium',
        'quest q_street_cred: objective t: unknown contact nobody',
        'quest q_street_cred: objective r: zone watson has no area moon',
        'quest q_street_cred: objective u: area northside without a zone',
        'quest q_street_cred: objective s: skill check no_such_check is not defined in any dialogue',
        'quest q_street_cred: objective f: flag never.set is never set',
        'quest q_street_cred: objective o: skill check bitw_jun_bluff is one-roll (needs retry: true)',
      ]);
    });

    it('items a collect objective can never get (quest-only drops of another quest)', () => {
      expect(
        story(
          'quest q_punk_problem',
          quests({
            ...quest('q_punk_problem'),
            objectives: [
              {
                id: 'chip',
                kind: 'collect',
                label: 'A chip',
                itemTemplateId: 'bitw_route_chip',
                count: 1,
              },
              // drops from the Watson street tables while this very quest is active: fine
              {
                id: 'shard',
                kind: 'collect',
                label: 'Shard',
                itemTemplateId: 'junk_shard_broken',
                count: 1,
              },
            ],
          }),
        ),
      ).toEqual([
        'quest q_punk_problem: objective chip: item bitw_route_chip cannot be obtained (no loot path open while q_punk_problem is active, no dialogue, reward or vendor hands it out)',
      ]);
    });

    it('objective requirements that are unknown, circular or duplicated', () => {
      expect(
        story(
          'quest q_street_cred',
          quests({
            ...streetCred,
            objectives: [
              { id: 'a', kind: 'talk', label: 'Talk A', contactId: 'dex', requires: ['b'] },
              { id: 'b', kind: 'talk', label: 'Talk B', contactId: 'dex', requires: ['a', 'zz'] },
              { id: 'c', kind: 'talk', label: 'Talk C', contactId: 'dex', requires: ['c'] },
              { id: 'c', kind: 'talk', label: 'Talk C2', contactId: 'dex' },
            ],
          }),
        ).filter((m) => !m.includes('skill check')),
      ).toEqual([
        'quest q_street_cred: duplicate objective c',
        'quest q_street_cred: objective b: requires unknown objective zz',
        'quest q_street_cred: objective c: requires itself',
        'quest q_street_cred: objectives require each other: a → b → a',
      ]);
    });

    it('prerequisites naming unknown quests, factions or flags, or contradicting themselves', () => {
      expect(
        story(
          'quest q_street_cred',
          quests({
            ...streetCred,
            prerequisites: {
              quests: ['q_nope', 'q_street_cred', 'q_punk_problem'],
              notQuests: ['q_punk_problem'],
              standing: [{ factionId: 'nobody', atLeast: 'friendly' }],
              flags: [
                { key: 'never.set' },
                { key: 'chain.bitw.shard', value: 'arasaka' },
                { key: 'also.never', absent: true },
              ],
            },
          }),
        ),
      ).toEqual([
        'quest q_street_cred: unknown prerequisite quest q_nope',
        'quest q_street_cred: lists itself as a prerequisite',
        'quest q_street_cred: q_punk_problem is both required and excluded',
        'quest q_street_cred: unknown faction nobody',
        'quest q_street_cred: prerequisite flag never.set is never set',
        "quest q_street_cred: prerequisite flag chain.bitw.shard is never set to 'arasaka'",
        'quest q_street_cred: prerequisite flag also.never is never set',
      ]);
    });

    it('prerequisite cycles', () => {
      expect(
        story(
          'quest ',
          quests({ ...streetCred, prerequisites: { quests: ['q_bitw_rumor'] } }),
        ).filter((m) => m.includes('cycle')),
      ).toEqual([
        'quest q_bitw_rumor: prerequisite cycle q_bitw_rumor → q_street_cred → q_bitw_rumor',
      ]);
    });

    it('rewards that do not exist, do not fit, or make a bad choice', () => {
      expect(
        story(
          'quest q_street_cred',
          quests({
            ...streetCred,
            rewards: {
              xp: 1,
              eddies: 1,
              items: [
                { templateId: 'unobtainium', quantity: 1 },
                { templateId: 'stim_basic', quantity: 50 },
                { templateId: 'sniper_nekomata', quantity: 1 },
              ],
              choice: [{ templateId: 'regina_data_drop', quantity: 1 }],
              reputation: [{ factionId: 'nobody', delta: 10 }],
            },
          }),
        ).concat(
          story(
            'quest q_street_cred',
            quests({
              ...streetCred,
              rewards: {
                xp: 1,
                eddies: 1,
                choice: [
                  { templateId: 'stim_basic', quantity: 1 },
                  { templateId: 'stim_basic', quantity: 2 },
                ],
              },
            }),
          ),
        ),
      ).toEqual([
        'quest q_street_cred: unknown reward item unobtainium',
        'quest q_street_cred: reward stim_basic ×50 exceeds its stack of 20',
        'quest q_street_cred: reward sniper_nekomata needs level 50, beyond watson (up to 12)',
        'quest q_street_cred: a reward choice needs at least two options',
        'quest q_street_cred: quest item regina_data_drop offered as a choice',
        'quest q_street_cred: unknown reward faction nobody',
        'quest q_street_cred: reward choice lists an item twice',
      ]);
    });

    it('failures naming unknown NPCs, repeatables in a chain, dialogue-only quests nobody starts', () => {
      expect(
        story(
          'quest ',
          quests(
            {
              ...streetCred,
              failure: { npcKilled: [{ npcTemplateIds: ['dragon'], by: 'anyone' }] },
              dialogueOnly: true,
            },
            { ...quest('q_ncpd_patrol'), chain: { id: 'blood_in_the_water', name: 'x', step: 1 } },
          ),
        ),
      ).toEqual([
        'quest q_street_cred: failure names unknown npc template dragon',
        'quest q_street_cred: dialogueOnly, but no dialogue starts it',
        'quest q_ncpd_patrol: a daily quest cannot be part of chain blood_in_the_water',
      ]);
    });

    it('a quest given at creation that repeats, has prerequisites, or a client-reported action elsewhere', () => {
      expect(
        story(
          'quest ',
          quests(
            {
              ...quest('q_welcome'),
              retryable: true,
              prerequisites: { level: 2, quests: ['q_street_cred'] },
            },
            {
              ...streetCred,
              objectives: [
                ...streetCred.objectives,
                { id: 'solo', kind: 'action', label: 'Go solo', action: 'party' },
                { id: 'say', kind: 'action', label: 'Say hi', action: 'chat' },
              ],
            },
          ),
        ),
      ).toEqual([
        'quest q_welcome: prerequisite level 2 is above the quest level 1',
        'quest q_welcome: a quest given at creation is done once (not repeatable or retryable)',
        'quest q_welcome: a quest given at creation has no prerequisites (every new character starts it)',
        'quest q_street_cred: objective solo: action party is reported by the client: only a quest given at creation may count it',
      ]);
    });

    it('chains with a gap, or a later step that requires no earlier one', () => {
      expect(
        story(
          'quest ',
          quests(
            {
              ...quest('q_bitw_finale'),
              chain: { id: 'blood_in_the_water', name: 'BitW', step: 7 },
            },
            { ...quest('q_bitw_warehouse'), prerequisites: { level: 5 } },
          ),
        ),
      ).toEqual([
        'quest q_bitw_rumor: chain blood_in_the_water skips step 5',
        'quest q_bitw_rumor: chain blood_in_the_water skips step 6',
        // step 7 still requires step 3 (q_bitw_decision): only the gap is wrong
        'quest q_bitw_warehouse: chain blood_in_the_water step 2 requires no earlier step',
      ]);
    });
  });

  it('vendors: unknown contact, faction or item, quest items, duplicates, no way back', () => {
    expect(
      story(
        'vendor ',
        vendors(
          {
            ...vendor('koji_noodles'),
            factionId: 'nobody',
            stock: [
              { templateId: 'food_noodles' },
              { templateId: 'food_noodles' },
              { templateId: 'unobtainium' },
              { templateId: 'regina_data_drop' },
            ],
            buys: ['junk', 'quest'],
          },
          { ...vendor('vik_clinic'), id: 'street_stall', contactId: 'nobody' },
          { ...vendor('vik_clinic'), id: 'vik_annex' },
        ),
      ),
    ).toEqual([
      'vendor koji_noodles: unknown faction nobody',
      'vendor koji_noodles: stock lists food_noodles twice',
      'vendor koji_noodles: unknown stock item unobtainium',
      'vendor koji_noodles: sells quest item regina_data_drop',
      'vendor koji_noodles: buys quest items',
      'vendor street_stall: unknown contact nobody',
      'vendor vik_annex: contact vik does not point back (vendorId vik_clinic)',
    ]);
  });

  it('loot naming unknown quests, and quest items nobody needs or that do not bind', () => {
    const drop = itemTemplateById('regina_data_drop')!;
    const out = story(
      '',
      {},
      {
        items: [
          ...ITEM_TEMPLATE_INPUTS,
          { ...drop, id: 'lonely_token' },
          { ...drop, id: 'loose_token', binding: 'none' },
        ],
        lootTables: [
          ...LOOT_TABLE_INPUTS,
          {
            id: 'ghost_crate',
            guaranteed: [{ item: 'scrap_metal', condition: { questActive: 'q_nope' } }],
            groups: [
              {
                condition: { questActive: 'q_nada' },
                entries: [{ item: 'scrap_metal', weight: 1, condition: { questActive: 'q_zip' } }],
              },
            ],
          },
        ],
      },
    );
    expect(out).toEqual([
      'loot ghost_crate: guaranteed[0]: questActive names unknown quest q_nope',
      'loot ghost_crate: groups[0]: questActive names unknown quest q_nada',
      'loot ghost_crate: groups[0].entries[0]: questActive names unknown quest q_zip',
      'item lonely_token: quest item no quest collects or uses',
      'item loose_token: quest items bind on pickup',
      'item loose_token: quest item no quest collects or uses',
    ]);
  });

  it('zone areas: duplicate ids, outside the zone, inside a building', () => {
    const watson = zoneById('watson')!;
    const hall = watson.obstacles.find((o) => o.name === 'Kabuki Market Hall')!;
    expect(
      messages({
        zones: [
          {
            ...watson,
            areas: [
              ...watson.areas,
              { id: 'northside', name: 'Again', x: 30, y: 300, radius: 5 },
              { id: 'space', name: 'Space', x: 900, y: 10, radius: 5 },
              { id: 'hall', name: 'Hall', x: hall.x + 5, y: hall.y + 5, radius: 5 },
            ],
          },
        ],
      }).filter((m) => m.startsWith('zone ')),
    ).toEqual([
      'zone watson: area northside: duplicate id',
      'zone watson: area space: centre lies outside the zone',
      'zone watson: area hall: centre lies inside obstacle Kabuki Market Hall',
    ]);
  });
});
