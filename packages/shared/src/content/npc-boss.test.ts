import { describe, expect, it } from 'vitest';
import { BossBlockSchema, NpcTemplateSchema, type NpcTemplateInput } from './npc-schema';
import {
  BOSS_ATTACKS_BY_ID,
  NPC_TEMPLATES,
  NPC_TEMPLATE_INPUTS,
  bossAttackById,
  npcTemplateById,
} from './npcs';

const warden = NPC_TEMPLATE_INPUTS.find((n) => n.id === 'reef_warden') as NpcTemplateInput;
const block = warden.boss!;

describe('boss blocks', () => {
  it('the Reef Warden is a boss with two phases; phase 2 (below 50 %) adds an attack and casts faster', () => {
    const t = npcTemplateById('reef_warden');
    expect(t).toMatchObject({ rank: 'boss', name: 'Reef Warden TDX-9' });
    const [one, two] = t!.boss!.phases;
    expect(one).toMatchObject({ belowHealth: 1, windupFactor: 1 });
    expect(two!.belowHealth).toBe(0.5);
    expect(two!.windupFactor).toBeLessThan(1);
    const added = two!.attacks.filter((id) => !one!.attacks.includes(id));
    expect(added).toEqual(['warden_coolant_sweep']);
    expect(t!.boss!.attacks.find((a) => a.id === 'warden_coolant_sweep')?.shape).toBe('line');
  });

  it('the raid boss has three phases for ten players: a target buster, random and self-aimed attacks', () => {
    const t = npcTemplateById('quantum_leviathan')!;
    expect(t).toMatchObject({
      rank: 'boss',
      name: 'Quantum Leviathan NX-0',
      lootTable: 'raid_quantum_reef',
    });
    // tuned for ten: far more health than the dungeon's boss (five players)
    expect(t.health).toBeGreaterThanOrEqual(10 * npcTemplateById('reef_warden')!.health);
    const phases = t.boss!.phases;
    expect(phases.map((p) => p.belowHealth)).toEqual([1, 0.66, 0.33]);
    // each later phase casts faster and brings something new
    for (let i = 1; i < phases.length; i++) {
      expect(phases[i]!.windupFactor).toBeLessThan(phases[i - 1]!.windupFactor);
      expect(phases[i]!.attacks.some((id) => !phases[i - 1]!.attacks.includes(id))).toBe(true);
    }
    const aims = new Set(t.boss!.attacks.map((a) => a.aim));
    expect(aims).toEqual(new Set(['target', 'random', 'self']));
    // a random-aimed and a self-aimed attack from the first phase on
    const first = phases[0]!.attacks.map((id) => bossAttackById(id)!);
    expect(first.some((a) => a.aim === 'random')).toBe(true);
    expect(first.some((a) => a.aim === 'self')).toBe(true);
    expect(bossAttackById('leviathan_core_collapse')).toMatchObject({
      aim: 'self',
      shape: 'circle',
    });
  });

  it('boss blocks sit on boss-rank NPCs; attack ids are unique across bosses and found by id', () => {
    for (const n of NPC_TEMPLATES) if (n.boss) expect(n.rank, n.id).toBe('boss');
    const all = NPC_TEMPLATES.flatMap((t) => t.boss?.attacks ?? []);
    expect(BOSS_ATTACKS_BY_ID.size).toBe(all.length);
    expect(bossAttackById('warden_arc_pulse')?.name).toBe('Arc Pulse');
  });

  it('rejects a first phase below full health, phases not descending, unknown and duplicate attacks', () => {
    const bad = (change: (b: typeof block) => unknown) =>
      BossBlockSchema.safeParse(change(structuredClone(block))).success;
    expect(bad((b) => b)).toBe(true);
    expect(
      bad((b) => ({ ...b, phases: [{ ...b.phases[0]!, belowHealth: 0.9 }, b.phases[1]] })),
    ).toBe(false);
    expect(bad((b) => ({ ...b, phases: [b.phases[0], { ...b.phases[1]!, belowHealth: 1 }] }))).toBe(
      false,
    );
    expect(
      bad((b) => ({ ...b, phases: [b.phases[0], { ...b.phases[1]!, attacks: ['nope'] }] })),
    ).toBe(false);
    expect(bad((b) => ({ ...b, attacks: [...b.attacks, b.attacks[0]] }))).toBe(false);
    expect(bad((b) => ({ ...b, phases: [b.phases[0]] }))).toBe(false);
  });

  it('rejects a line without a length, a circle with one, a self-aimed line and reversed damage', () => {
    const attack = (over: object) =>
      BossBlockSchema.safeParse({
        ...block,
        attacks: [{ ...block.attacks[0]!, ...over }, ...block.attacks.slice(1)],
      }).success;
    expect(attack({ shape: 'line' })).toBe(false);
    expect(attack({ length: 10 })).toBe(false);
    expect(attack({ shape: 'line', length: 10, aim: 'self' })).toBe(false);
    expect(attack({ damageMin: 90, damageMax: 10 })).toBe(false);
    expect(attack({ windupMs: 100 })).toBe(false);
  });

  it('a boss block on a normal NPC is refused', () => {
    expect(NpcTemplateSchema.safeParse({ ...warden, xp: 1, rank: 'elite' }).success).toBe(false);
    expect(NpcTemplateSchema.safeParse({ ...warden, xp: 1 }).success).toBe(true);
  });
});
