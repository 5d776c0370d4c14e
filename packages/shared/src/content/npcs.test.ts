import { describe, expect, it } from 'vitest';
import { checkContent, formatContentProblems } from './check';
import { LOOT_TABLES_BY_ID } from './loot-tables';
import { NPC_TEMPLATES, npcTemplateById } from './npcs';
import { LEVEL_CAP } from './progression';
import { ZONES } from './zones';
import { baseXpForKill } from '../rules/combat';

describe('shipped NPC content', () => {
  it('passes the content check', () => {
    expect(formatContentProblems(checkContent()).filter((m) => m.startsWith('npc '))).toEqual([]);
  });

  it('has ≥ 12 kinds, an elite and a boss, levels within 1–50', () => {
    expect(NPC_TEMPLATES.length).toBeGreaterThanOrEqual(12);
    expect(NPC_TEMPLATES.some((n) => n.rank === 'elite')).toBe(true);
    expect(NPC_TEMPLATES.some((n) => n.rank === 'boss')).toBe(true);
    for (const n of NPC_TEMPLATES) {
      expect(n.level, n.id).toBeGreaterThanOrEqual(1);
      expect(n.level, n.id).toBeLessThanOrEqual(LEVEL_CAP);
      expect(LOOT_TABLES_BY_ID.has(n.lootTable), n.id).toBe(true);
      expect(n.behaviour.leashRange, n.id).toBeGreaterThanOrEqual(n.behaviour.aggroRange);
      expect(n.xp, n.id).toBe(baseXpForKill(n.level, n.rank));
    }
  });

  it('covers every zone level range with at least two kinds', () => {
    for (const z of ZONES) {
      const inZone = NPC_TEMPLATES.filter((n) => n.level >= z.minLevel && n.level <= z.maxLevel);
      expect(inZone.length, z.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('some kinds flee, some patrol, and a cyberpsycho boss exists', () => {
    expect(NPC_TEMPLATES.some((n) => n.behaviour.fleeAtHealth !== undefined)).toBe(true);
    expect(NPC_TEMPLATES.some((n) => n.behaviour.patrol)).toBe(true);
    expect(npcTemplateById('cyberpsycho_blackwall')).toMatchObject({ rank: 'boss', level: 50 });
    expect(npcTemplateById('tyger_claws_punk')).toMatchObject({ rank: 'normal', level: 2 });
  });
});
