import { describe, expect, it } from 'vitest';
import {
  ABILITIES,
  CLASS_ABILITIES,
  NPC_ATTACK_ABILITY_ID,
  abilitiesForClass,
  abilityById,
} from './abilities';
import type { AbilityTemplate } from './ability-schema';
import { CLASS_IDS } from './classes';
import { EFFECTS, effectById } from './effects';
import { NPC_TEMPLATES } from './npcs';
import { RESOURCE_MAX } from '../rules/combat-constants';

const CONTROL_KINDS = new Set(['slow', 'stun', 'silence']);
const controls = (a: AbilityTemplate) =>
  a.effects.some((e) => CONTROL_KINDS.has(effectById(e.effectId)?.kind ?? ''));
const bar = (classId: (typeof CLASS_IDS)[number]) =>
  CLASS_ABILITIES[classId].map((id) => abilityById(id)!);

describe('class abilities', () => {
  it.each(CLASS_IDS)('%s has a full bar: basic, ranged/area, defensive/heal, control', (c) => {
    const list = bar(c);
    expect(list.length).toBeGreaterThanOrEqual(4);
    expect(list.length).toBeLessThanOrEqual(6);
    const [basic] = list;
    expect(basic).toMatchObject({
      role: 'basic',
      target: 'enemy',
      range: 0,
      gcd: true,
      level: 1,
      damage: { source: 'weapon', multiplier: 1 },
    });
    expect(basic!.cost).toBeLessThanOrEqual(10);
    expect(basic!.cooldownMs).toBeLessThanOrEqual(1500);
    expect(list.some((a) => a.role === 'ranged' || a.role === 'area')).toBe(true);
    expect(list.some((a) => a.role === 'defensive' || a.role === 'heal')).toBe(true);
    expect(list.some((a) => a.role === 'control' && controls(a))).toBe(true);
    // the four kinds are there from level 2, so a fresh character can try them early
    const early = abilitiesForClass(c, 2);
    expect(early.some((a) => a.role === 'control')).toBe(true);
    expect(early.some((a) => a.role === 'defensive' || a.role === 'heal')).toBe(true);
  });

  it.each(CLASS_IDS)('%s unlocks more of the bar as it levels (levels 1–10)', (c) => {
    expect(abilitiesForClass(c, 1).length).toBeGreaterThanOrEqual(2);
    expect(abilitiesForClass(c, 1).length).toBeLessThan(abilitiesForClass(c, 10).length);
    expect(abilitiesForClass(c, 10).map((a) => a.id)).toEqual(CLASS_ABILITIES[c]);
    for (const a of bar(c)) expect(a.level, a.id).toBeLessThanOrEqual(10);
  });

  it('abilitiesForClass keeps bar order and drops what the level has not reached', () => {
    const solo = CLASS_ABILITIES.solo;
    const atFive = abilitiesForClass('solo', 5).map((a) => a.id);
    expect(atFive).toEqual(solo.filter((id) => abilityById(id)!.level <= 5));
    expect(atFive).not.toContain('solo_combat_stims');
    expect(abilitiesForClass('solo', 50).map((a) => a.id)).toEqual(solo);
  });

  it('uses the schools the silence rules expect', () => {
    const nonBasic = (c: (typeof CLASS_IDS)[number]) => bar(c).filter((a) => a.role !== 'basic');
    for (const a of nonBasic('netrunner')) expect(a.school, a.id).toBe('tech');
    for (const a of bar('medtech').filter((a) => a.heal)) expect(a.school, a.id).toBe('bio');
    for (const a of [...bar('solo'), ...bar('techie')].filter((a) => a.damage?.source === 'weapon'))
      expect(a.school, a.id).toBe('physical');
    expect(bar('techie').some((a) => a.school === 'tech')).toBe(true);
  });

  it('has casts on the big hack and the big heal, sane cooldowns and costs', () => {
    expect(abilityById('netrunner_synapse_burnout')).toMatchObject({
      castMs: 1500,
      school: 'tech',
    });
    expect(abilityById('medtech_trauma_surge')).toMatchObject({ castMs: 1500, role: 'heal' });
    for (const a of ABILITIES) {
      expect(a.cooldownMs, a.id).toBeLessThanOrEqual(30_000);
      expect(a.cost, a.id).toBeLessThanOrEqual(RESOURCE_MAX);
      expect(a.castMs, a.id).toBeLessThanOrEqual(2000);
    }
  });
});

describe('NPC abilities', () => {
  it('npc_attack is the plain template attack', () => {
    expect(abilityById(NPC_ATTACK_ABILITY_ID)).toMatchObject({
      owner: 'npc',
      target: 'enemy',
      range: 0,
      cooldownMs: 0,
      gcd: false, // paced by attackSpeed, not the GCD
      cost: 0,
      damage: { source: 'weapon', multiplier: 1 },
      effects: [],
    });
  });

  it('every NPC attacks, and most kinds have a special', () => {
    for (const n of NPC_TEMPLATES) expect(n.abilities[0], n.id).toBe(NPC_ATTACK_ABILITY_ID);
    const special = NPC_TEMPLATES.filter((n) => n.abilities.length > 1);
    expect(special.length).toBeGreaterThanOrEqual(NPC_TEMPLATES.length - 2);
    for (const n of NPC_TEMPLATES.filter((n) => n.rank !== 'normal'))
      expect(n.abilities.length, n.id).toBeGreaterThan(1);
  });

  it('implements the specials the templates were written with', () => {
    expect(abilityById('npc_ground_slam')).toMatchObject({ role: 'area', radius: 4 });
    expect(
      abilityById('npc_ground_slam')!.effects.map((e) => effectById(e.effectId)!.kind),
    ).toEqual(['stun']);
    expect(abilityById('npc_rocket_volley')!.effects.map((e) => e.effectId)).toEqual(['burn']);
    expect(abilityById('npc_minigun_sweep')).toMatchObject({ role: 'area' });
    for (const id of ['npc_optical_camo', 'npc_sandevistan_dash', 'npc_berserk'])
      expect(abilityById(id), id).toMatchObject({ target: 'self' });
    expect(effectById(abilityById('npc_short_circuit')!.effects[0]!.effectId)!.kind).toBe(
      'silence',
    );
  });
});

describe('effects', () => {
  it('has the status effects combat relies on, with their stacking rules', () => {
    expect(effectById('bleed')).toMatchObject({
      kind: 'dot',
      damageType: 'physical',
      stacking: 'per_source',
    });
    expect(effectById('burn')).toMatchObject({
      kind: 'dot',
      damageType: 'thermal',
      stacking: 'stack',
      maxStacks: 3,
    });
    expect(effectById('poison')).toMatchObject({
      kind: 'dot',
      damageType: 'chemical',
      stacking: 'refresh',
    });
    expect(effectById('nano_regen')).toMatchObject({ kind: 'hot', beneficial: true });
    expect(effectById('slow')).toMatchObject({ kind: 'slow', stacking: 'refresh', magnitude: 0.4 });
    expect(effectById('stun')).toMatchObject({ kind: 'stun', stacking: 'ignore' });
    expect(effectById('stun')!.durationMs).toBeGreaterThanOrEqual(1500);
    expect(effectById('stun')!.durationMs).toBeLessThanOrEqual(2000);
    expect(effectById('short_circuit')).toMatchObject({ kind: 'silence', beneficial: false });
    expect(effectById('shield')).toMatchObject({ kind: 'shield', beneficial: true });
    expect(effectById('damage_reduction')).toMatchObject({ kind: 'damage_reduction' });
    expect(effectById('damage_boost')).toMatchObject({ kind: 'damage_boost' });
    expect(effectById('nope')).toBeUndefined();
  });

  it('every effect is used by some ability', () => {
    const used = new Set(ABILITIES.flatMap((a) => a.effects.map((e) => e.effectId)));
    expect(EFFECTS.map((e) => e.id).filter((id) => !used.has(id))).toEqual([]);
  });
});
