import { describe, expect, it } from 'vitest';
import { npcTemplateById } from '../content/npcs';
import type { Obstacle } from '../content/zones';
import { instanceTemplateById, parseInstanceZoneId, templateForMatch } from './instance-templates';

const inside = (p: { x: number; y: number }, o: Obstacle) =>
  p.x > o.x && p.x < o.x + o.w && p.y > o.y && p.y < o.y + o.h;

/** Cells of 1 m reachable from `from` without entering an obstacle (4-neighbour flood fill). */
function reachable(from: { x: number; y: number }, w: number, h: number, obstacles: Obstacle[]) {
  const free = (x: number, y: number) =>
    x >= 0 &&
    y >= 0 &&
    x < w &&
    y < h &&
    !obstacles.some((o) => inside({ x: x + 0.5, y: y + 0.5 }, o));
  const seen = new Set<string>();
  const todo = [[Math.floor(from.x), Math.floor(from.y)] as const];
  while (todo.length > 0) {
    const [x, y] = todo.pop()!;
    const k = `${x},${y}`;
    if (seen.has(k) || !free(x, y)) continue;
    seen.add(k);
    todo.push([x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]);
  }
  return (p: { x: number; y: number }) => seen.has(`${Math.floor(p.x)},${Math.floor(p.y)}`);
}

describe('the raid map: Quantum Reef Siege', () => {
  const raid = templateForMatch('raid')!;

  it('is the raid matches open, 120 × 80 m, with one team of ten spawn points', () => {
    expect(raid.content).toMatchObject({ id: 'raid-quantum-reef', name: 'Quantum Reef Siege' });
    expect([raid.content.width, raid.content.height]).toEqual([120, 80]);
    expect(raid.teamSpawns).toHaveLength(1);
    const spawns = raid.teamSpawns[0]!;
    expect(new Set(spawns.map((s) => `${s.x},${s.y}`)).size).toBe(10);
    expect(instanceTemplateById('raid-quantum-reef')).toBe(raid);
    expect(parseInstanceZoneId('raid-quantum-reef--m-1')).toMatchObject({ matchId: 'm-1' });
    // the arena is still the arena's
    expect(templateForMatch('arena')?.content.id).toBe('arena-neon-pit');
  });

  it('is walkable: every spawn is free and reaches the core chamber through the doorways', () => {
    const { width, height, obstacles } = raid.content;
    const spawns = raid.teamSpawns[0]!;
    for (const s of spawns) {
      expect(s.x > 0 && s.x < width && s.y > 0 && s.y < height).toBe(true);
      expect(obstacles.some((o) => inside(s, o))).toBe(false);
    }
    const canReach = reachable(spawns[0]!, width, height, obstacles);
    for (const s of spawns) expect(canReach(s)).toBe(true);
    expect(canReach({ x: 98, y: 40 })).toBe(true); // before the core
    expect(canReach({ x: 115, y: 40 })).toBe(true); // behind it
  });

  it('has hostile trash packs within its levels and one boss before the core', () => {
    const { npcSpawns, minLevel, maxLevel } = raid.content;
    const boss = npcSpawns.find((s) => s.id === raid.bossSpawnId)!;
    expect(boss).toMatchObject({ id: 'reef-core-boss', templateId: 'quantum_leviathan', count: 1 });
    expect(boss.x).toBeGreaterThan(72); // past the second bulkhead, in the core chamber
    const t = npcTemplateById(boss.templateId)!;
    expect(t.rank).toBe('boss');
    expect(t.boss!.phases.length).toBeGreaterThanOrEqual(3);
    const trash = npcSpawns.filter((s) => s !== boss);
    expect(trash.length).toBeGreaterThanOrEqual(4);
    // enough for ten: more NPCs than a dungeon's
    const dungeonTrash = templateForMatch('dungeon')!.content.npcSpawns.filter(
      (s) => s.id !== templateForMatch('dungeon')!.bossSpawnId,
    );
    const count = (ss: typeof trash) => ss.reduce((n, s) => n + s.count, 0);
    expect(count(trash)).toBeGreaterThan(count(dungeonTrash));
    for (const s of trash) {
      const n = npcTemplateById(s.templateId)!;
      expect(n.behaviour.aggroRange, s.id).toBeGreaterThan(0);
      expect(n.rank, s.id).not.toBe('boss');
      expect(n.level).toBeGreaterThanOrEqual(minLevel);
      expect(n.level).toBeLessThanOrEqual(maxLevel);
    }
    expect(t.level).toBeLessThanOrEqual(maxLevel);
  });

  it('places every NPC on walkable ground, reachable from the dock and out of its aggro range', () => {
    const { width, height, obstacles, npcSpawns } = raid.content;
    const spawns = raid.teamSpawns[0]!;
    const canReach = reachable(spawns[0]!, width, height, obstacles);
    for (const s of npcSpawns) {
      expect(s.x > 0 && s.x < width && s.y > 0 && s.y < height, s.id).toBe(true);
      // the whole spawn disc is free, not only its centre
      for (const [dx, dy] of [
        [0, 0],
        [s.radius, 0],
        [-s.radius, 0],
        [0, s.radius],
        [0, -s.radius],
      ] as const)
        expect(
          obstacles.some((o) => inside({ x: s.x + dx, y: s.y + dy }, o)),
          s.id,
        ).toBe(false);
      expect(canReach(s), s.id).toBe(true);
      // nobody is pulled on arrival: every pack is further from the dock than it sees
      const aggro = npcTemplateById(s.templateId)!.behaviour.aggroRange;
      for (const p of spawns)
        expect(Math.hypot(s.x - p.x, s.y - p.y) - s.radius, s.id).toBeGreaterThan(aggro);
    }
  });
});

describe('the dungeon map: Arasaka Data Vault', () => {
  const dungeon = templateForMatch('dungeon')!;

  it('is the dungeon matches open, 96 × 64 m, one team of five at the entrance, a boss spawn', () => {
    expect(dungeon.content).toMatchObject({
      id: 'dungeon-arasaka-vault',
      name: 'Arasaka Data Vault',
      live: false,
    });
    expect([dungeon.content.width, dungeon.content.height]).toEqual([96, 64]);
    expect(dungeon.teamSpawns).toHaveLength(1);
    const spawns = dungeon.teamSpawns[0]!;
    expect(new Set(spawns.map((s) => `${s.x},${s.y}`)).size).toBe(5);
    // all at the entrance, west of the blast door
    for (const s of spawns) expect(s.x).toBeLessThan(20);
    expect(instanceTemplateById('dungeon-arasaka-vault')).toBe(dungeon);
    // the boss: one NPC of its own spawn; trash: hostile packs of existing templates
    const boss = dungeon.content.npcSpawns.find((s) => s.id === dungeon.bossSpawnId)!;
    expect(boss).toMatchObject({ id: 'vault-boss', count: 1 });
    expect(npcTemplateById(boss.templateId)?.rank).toBe('boss');
    const trash = dungeon.content.npcSpawns.filter((s) => s !== boss);
    expect(trash.length).toBeGreaterThanOrEqual(2);
    for (const s of trash) {
      const t = npcTemplateById(s.templateId)!;
      expect(t.behaviour.aggroRange).toBeGreaterThan(0);
      expect(t.level).toBeGreaterThanOrEqual(dungeon.content.minLevel);
      expect(t.level).toBeLessThanOrEqual(dungeon.content.maxLevel);
    }
  });

  it('is walkable: every spawn and NPC home is free and the vault is reached through the doorways', () => {
    const { width, height, obstacles, npcSpawns } = dungeon.content;
    const spawns = dungeon.teamSpawns[0]!;
    for (const s of [...spawns, ...npcSpawns]) {
      expect(s.x > 0 && s.x < width && s.y > 0 && s.y < height).toBe(true);
      expect(obstacles.some((o) => inside(s, o))).toBe(false);
    }
    const canReach = reachable(spawns[0]!, width, height, obstacles);
    for (const s of spawns) expect(canReach(s)).toBe(true);
    for (const s of npcSpawns) expect(canReach(s)).toBe(true);
  });
});
