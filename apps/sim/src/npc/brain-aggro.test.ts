import { describe, expect, it } from 'vitest';
import { distance } from '@necp/shared';
import { npcKit, npcTemplate, spawnAt } from './fake-npc-world';

const P = 1;

describe('NPC brain: idle, patrol and aggro', () => {
  it('a hostile NPC aggroes on a living player only inside its aggro range', () => {
    const kit = npcKit(
      [npcTemplate({ behaviour: { aggroRange: 10 } })],
      [spawnAt('a', 'test_thug', 100, 100)],
    );
    const [npc] = kit.of('a');
    kit.world.setPlayer(P, 111, 100);
    kit.world.setPlayer(2, 104, 100, true); // dead: not a target
    kit.tick(40);
    expect(npc!.ai.state).toBe('idle');
    expect(npc!.threat.size).toBe(0);

    kit.world.setPlayer(P, 109, 100);
    kit.tick();
    expect(npc!.ai.state).toBe('chase');
    expect(npc!.ai.targetEid).toBe(P);
    expect([...npc!.threat.keys()]).toEqual([P]);
  });

  it('does not aggro through a building, and does once the player steps into view', () => {
    const wall = { x: 103, y: 90, w: 2, h: 20 };
    const kit = npcKit([npcTemplate()], [spawnAt('a', 'test_thug', 100, 100)], {
      obstacles: [wall],
    });
    const [npc] = kit.of('a');
    kit.world.setPlayer(P, 107, 100);
    kit.tick(40);
    expect(npc!.ai.state).toBe('idle');

    kit.world.setPlayer(P, 100, 93); // around the corner, 7 m away, in sight
    kit.tick();
    expect(npc!.ai.state).toBe('chase');
  });

  it('aggroes on the nearest of several players in range', () => {
    const kit = npcKit([npcTemplate()], [spawnAt('a', 'test_thug', 100, 100)]);
    kit.world.setPlayer(1, 108, 100);
    kit.world.setPlayer(2, 100, 95);
    kit.tick();
    expect(kit.of('a')[0]!.ai.targetEid).toBe(2);
  });

  it('a neutral NPC ignores players next to it until one hits it', () => {
    const kit = npcKit(
      [npcTemplate({ behaviour: { aggroRange: 0 } })],
      [spawnAt('a', 'test_thug', 100, 100)],
    );
    const [npc] = kit.of('a');
    kit.world.setPlayer(P, 101, 100);
    kit.tick(100);
    expect(npc!.ai.state).toBe('idle');
    expect(kit.world.uses).toEqual([]);

    kit.director.onDamaged(npc!.eid, P, 6, 1);
    kit.tick(2);
    expect(npc!.ai.state).toBe('attack');
    expect(kit.world.hits('npc_attack').map((u) => u.targetEid)).toEqual([P]);
  });

  it('patrolling kinds walk to points inside their spawn area; others stay home', () => {
    const kit = npcKit(
      [
        npcTemplate({ id: 'walker', behaviour: { patrol: true } }),
        npcTemplate({ id: 'sitter', behaviour: { patrol: false } }),
      ],
      [spawnAt('w', 'walker', 100, 100, 1, 6), spawnAt('s', 'sitter', 300, 300, 1, 6)],
    );
    const [walker] = kit.of('w');
    const [sitter] = kit.of('s');
    const spots = new Set<string>();
    for (let i = 0; i < 1200; i++) {
      kit.tick();
      expect(distance(walker!, { x: 100, y: 100 })).toBeLessThanOrEqual(6 + 1e-9);
      if (walker!.ai.state === 'patrol')
        spots.add(`${walker!.ai.moveTo?.x},${walker!.ai.moveTo?.y}`);
    }
    // 60 s of walking: several legs to different points
    expect(spots.size).toBeGreaterThanOrEqual(3);
    expect({ x: sitter!.x, y: sitter!.y }).toEqual(sitter!.home);
  });
});
