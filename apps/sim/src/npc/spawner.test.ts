import { describe, expect, it } from 'vitest';
import { RESOURCE_MAX, distance, npcCombatStats } from '@necp/shared';
import { seededRng } from '@necp/game';
import { insideObstacle } from './area';
import { npcTemplate } from './fake-npc-world';
import { NpcSpawner } from './spawner';

const template = npcTemplate({ health: 150, level: 7 });

function spawner(walkable = (_: { x: number; y: number }) => true) {
  let eid = 10;
  const rng = seededRng(7);
  return new NpcSpawner({
    templates: (id) => (id === template.id ? template : undefined),
    allocEid: () => ++eid,
    random: () => rng.float(),
    walkable,
  });
}

describe('NpcSpawner.spawnArea', () => {
  const area = { id: 'thugs', templateId: template.id, x: 100, y: 100, radius: 12, count: 6 };

  it('makes count NPCs with their own eids, homes inside the area, full health and combat state', () => {
    const npcs = spawner().spawnArea(area, 0);
    expect(npcs).toHaveLength(6);
    expect(new Set(npcs.map((n) => n.eid)).size).toBe(6);
    expect(new Set(npcs.map((n) => n.lifeId)).size).toBe(6);
    expect(new Set(npcs.map((n) => `${n.home.x},${n.home.y}`)).size).toBe(6);
    npcs.forEach((n, i) => {
      expect(n.index).toBe(i);
      expect(n.spawnId).toBe('thugs');
      expect(distance(n.home, area)).toBeLessThanOrEqual(12);
      expect({ x: n.x, y: n.y }).toEqual(n.home);
      expect(n).toMatchObject({ health: 150, maxHealth: 150, level: 7, respawnAt: null });
      expect(n.ai.state).toBe('idle');
      expect(n.combat.stats).toEqual(npcCombatStats(template));
      expect(n.combat.maxResource).toBe(RESOURCE_MAX);
      expect(n.speed).toBeGreaterThan(0);
    });
  });

  it('keeps homes out of buildings and falls back to the centre when none is free', () => {
    // a building over the area's east half
    const building = [{ x: 100, y: 80, w: 40, h: 40 }];
    const homes = spawner((p) => !insideObstacle(p, building))
      .spawnArea(area, 0)
      .map((n) => n.home);
    for (const h of homes) expect(insideObstacle(h, building)).toBe(false);
    // the same draws without the check do land in it
    expect(
      spawner()
        .spawnArea(area, 0)
        .some((n) => insideObstacle(n.home, building)),
    ).toBe(true);

    const nowhere = spawner(() => false).spawnArea(area, 0);
    for (const n of nowhere) expect(n.home).toEqual({ x: 100, y: 100 });
  });

  it('refuses an unknown template', () => {
    expect(() => spawner().spawnArea({ ...area, templateId: 'nope' }, 0)).toThrow(
      /unknown template/,
    );
  });
});
