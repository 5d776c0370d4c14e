import { describe, expect, it } from 'vitest';
import { NPC_TEMPLATES, npcTemplateById } from './npcs';
import { zoneById, type ZoneContent } from './zones';
import { lineOfSight } from '../rules/line-of-sight';
import { distance } from '../rules/movement';

const watson = zoneById('watson')!;
const start = watson.spawnPoints.find((s) => s.kind === 'player_start')!;
const spawnsOf = (templateId: string) =>
  watson.npcSpawns.filter((s) => s.templateId === templateId);

/** Cells (CELL m) reachable on foot from `from`, flood-filled around the obstacles. */
const CELL = 2;
function reachable(z: ZoneContent, from: { x: number; y: number }) {
  const cols = Math.ceil(z.width / CELL);
  const rows = Math.ceil(z.height / CELL);
  const blocked = (cx: number, cy: number) => {
    const [x, y] = [cx * CELL + CELL / 2, cy * CELL + CELL / 2];
    return z.obstacles.some((o) => x > o.x && x < o.x + o.w && y > o.y && y < o.y + o.h);
  };
  const seen = new Uint8Array(cols * rows);
  const queue = [[Math.floor(from.x / CELL), Math.floor(from.y / CELL)] as const];
  seen[queue[0]![1] * cols + queue[0]![0]] = 1;
  while (queue.length > 0) {
    const [cx, cy] = queue.pop()!;
    for (const [nx, ny] of [
      [cx + 1, cy],
      [cx - 1, cy],
      [cx, cy + 1],
      [cx, cy - 1],
    ] as const) {
      if (nx < 0 || ny < 0 || nx >= cols || ny >= rows || seen[ny * cols + nx]) continue;
      if (blocked(nx, ny)) continue;
      seen[ny * cols + nx] = 1;
      queue.push([nx, ny]);
    }
  }
  return (p: { x: number; y: number }) =>
    seen[
      Math.min(rows - 1, Math.floor(p.y / CELL)) * cols + Math.min(cols - 1, Math.floor(p.x / CELL))
    ] === 1;
}

describe('Watson', () => {
  it('has an NPC area for every Watson-level template', () => {
    const watsonLevel = NPC_TEMPLATES.filter(
      (n) => n.level >= watson.minLevel && n.level <= watson.maxLevel,
    );
    expect(watsonLevel.length).toBeGreaterThanOrEqual(5);
    for (const n of watsonLevel) expect(spawnsOf(n.id).length, n.id).toBeGreaterThan(0);
    expect(watson.npcSpawns.some((s) => npcTemplateById(s.templateId)?.rank === 'elite')).toBe(
      true,
    );
    expect(watson.npcSpawns.some((s) => npcTemplateById(s.templateId)?.rank === 'boss')).toBe(true);
  });

  it('keeps the start safe: nobody aggroes a player standing at the start', () => {
    for (const s of watson.npcSpawns) {
      const t = npcTemplateById(s.templateId)!;
      const closest = distance(s, start) - s.radius;
      expect(closest, s.id).toBeGreaterThan(t.behaviour.aggroRange + 10);
      expect(distance(s, start), s.id).toBeGreaterThanOrEqual(35);
    }
  });

  it('has weak punks in sight 30–45 m from the start (the first fight, e2e)', () => {
    const [plaza] = spawnsOf('tyger_claws_punk').filter((s) => distance(s, start) <= 45);
    expect(plaza).toBeDefined();
    expect(plaza!.id).toBe('watson-punks-plaza');
    expect(distance(plaza!, start)).toBeGreaterThanOrEqual(30);
    expect(lineOfSight(start, plaza!, watson.obstacles)).toBe(true);
    const punk = npcTemplateById('tyger_claws_punk')!;
    expect(punk.level).toBeLessThanOrEqual(2);
    expect(punk.health).toBeLessThanOrEqual(80);
  });

  it('puts the elite and the boss far away in corners', () => {
    for (const s of watson.npcSpawns.filter(
      (s) => npcTemplateById(s.templateId)!.rank !== 'normal',
    )) {
      expect(distance(s, start), s.id).toBeGreaterThan(250);
      const cornerX = Math.min(s.x, watson.width - s.x);
      const cornerY = Math.min(s.y, watson.height - s.y);
      expect(Math.max(cornerX, cornerY), s.id).toBeLessThan(64);
    }
  });

  it('spawns 3–8 normal NPCs per area and at most 2 elites or 1 boss', () => {
    for (const s of watson.npcSpawns) {
      const rank = npcTemplateById(s.templateId)!.rank;
      if (rank === 'normal') {
        expect(s.count, s.id).toBeGreaterThanOrEqual(3);
        expect(s.count, s.id).toBeLessThanOrEqual(8);
      } else expect(s.count, s.id).toBeLessThanOrEqual(rank === 'boss' ? 1 : 2);
    }
  });

  it('has 12–20 buildings and everything of interest is reachable on foot from the start', () => {
    expect(watson.obstacles.length).toBeGreaterThanOrEqual(12);
    expect(watson.obstacles.length).toBeLessThanOrEqual(20);
    const canReach = reachable(watson, start);
    for (const p of [...watson.spawnPoints, ...watson.npcSpawns])
      expect(canReach(p), p.id).toBe(true);
  });
});
