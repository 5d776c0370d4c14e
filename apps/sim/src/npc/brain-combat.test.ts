import { describe, expect, it } from 'vitest';
import { FLEE_MS } from './ai-constants';
import { distance } from '@necp/shared';
import { npcKit, npcTemplate, spawnAt } from './fake-npc-world';

const P = 1;

describe('NPC brain: chase and attack', () => {
  it('chases a player into reach, then attacks it', () => {
    const kit = npcKit([npcTemplate({ range: 2 })], [spawnAt('a', 'test_thug', 100, 100)]);
    const [npc] = kit.of('a');
    const p = kit.world.setPlayer(P, 109, 100);
    kit.tick();
    expect(npc!.ai.state).toBe('chase');
    kit.tickUntil(() => npc!.ai.state === 'attack');
    expect(distance(npc!, p)).toBeLessThanOrEqual(2);
    kit.tick();
    // it never swung from out of reach, and now it hits the player
    expect(kit.world.uses.every((u) => u.refusal === null)).toBe(true);
    expect(kit.world.hits('npc_attack')[0]?.targetEid).toBe(P);
  });

  it('chases again when the player steps out of reach', () => {
    const kit = npcKit([npcTemplate({ range: 2 })], [spawnAt('a', 'test_thug', 100, 100)]);
    const [npc] = kit.of('a');
    kit.world.setPlayer(P, 101.5, 100);
    kit.tick(2);
    expect(npc!.ai.state).toBe('attack');
    kit.world.setPlayer(P, 106, 100);
    kit.tick();
    expect(npc!.ai.state).toBe('chase');
    kit.tickUntil(() => npc!.ai.state === 'attack');
  });

  it('paces auto-attacks by attackSpeed', () => {
    const kit = npcKit([npcTemplate({ attackSpeed: 2 })], [spawnAt('a', 'test_thug', 100, 100)]);
    kit.world.setPlayer(P, 101, 100);
    kit.tick(100); // 5 s
    const at = kit.world.hits('npc_attack').map((u) => u.at);
    expect(at.length).toBeGreaterThanOrEqual(9);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBe(500);

    const slow = npcKit([npcTemplate({ attackSpeed: 0.5 })], [spawnAt('a', 'test_thug', 100, 100)]);
    slow.world.setPlayer(P, 101, 100);
    slow.tick(100);
    const slowAt = slow.world.hits('npc_attack').map((u) => u.at);
    expect(slowAt.length).toBe(3);
    expect(slowAt[1]! - slowAt[0]!).toBe(2000);
  });

  it('uses its specials when they are off cooldown and reach, auto-attacks otherwise', () => {
    const kit = npcKit(
      [npcTemplate({ abilities: ['npc_ground_slam'] })],
      [spawnAt('a', 'test_thug', 100, 100)],
    );
    kit.world.setPlayer(P, 101, 100);
    kit.tick(800); // 40 s
    const slams = kit.world.hits('npc_ground_slam').map((u) => u.at);
    expect(slams.length).toBeGreaterThanOrEqual(2);
    // ground slam has a 15 s cooldown: never tried while it was cooling down
    for (let i = 1; i < slams.length; i++)
      expect(slams[i]! - slams[i - 1]!).toBeGreaterThanOrEqual(15_000);
    expect(kit.world.uses.filter((u) => u.refusal === 'COOLDOWN')).toEqual([]);
    expect(kit.world.hits('npc_attack').length).toBeGreaterThan(20);
  });

  it('attacks the player with the most threat and switches when out-threatened', () => {
    const kit = npcKit(
      [npcTemplate({ behaviour: { aggroRange: 0 } })],
      [spawnAt('a', 'test_thug', 100, 100)],
    );
    const [npc] = kit.of('a');
    kit.world.setPlayer(1, 101, 100);
    kit.world.setPlayer(2, 99, 100);
    kit.world.setPlayer(3, 100, 120); // the healer, out of reach
    kit.director.onDamaged(npc!.eid, 1, 10, 1);
    kit.director.onDamaged(npc!.eid, 2, 15, 2); // a taunt-ish ability: 30 threat
    kit.tick(2);
    expect(npc!.ai.targetEid).toBe(2);
    expect(kit.world.hits('npc_attack').at(-1)?.targetEid).toBe(2);

    // healing player 1 for 80 makes the healer worth 40 threat: it goes for the healer
    kit.director.onHealed(3, 1, 80);
    expect(npc!.threat.get(3)).toBe(40);
    kit.tick();
    expect(npc!.ai.targetEid).toBe(3);
    expect(npc!.ai.state).toBe('chase');
  });

  it('flees once below fleeAtHealth, then comes back to fight', () => {
    const kit = npcKit(
      [npcTemplate({ behaviour: { fleeAtHealth: 0.3 } })],
      [spawnAt('a', 'test_thug', 100, 100)],
    );
    const [npc] = kit.of('a');
    const p = kit.world.setPlayer(P, 101, 100);
    kit.tick(2);
    expect(npc!.ai.state).toBe('attack');

    npc!.health = 35; // above 30 %: keeps fighting
    kit.tick(5);
    expect(npc!.ai.state).toBe('attack');
    npc!.health = 25;
    kit.tick();
    expect(npc!.ai.state).toBe('flee');
    const before = kit.world.hits().length;
    kit.tick(FLEE_MS / 50 - 1);
    expect(npc!.ai.state).toBe('flee');
    expect(distance(npc!, p)).toBeGreaterThan(15);
    expect(kit.world.hits().length).toBe(before); // no attacks while running

    kit.tick();
    expect(npc!.ai.state).toBe('chase');
    // still hurt, but a second flight does not happen: it walks back and fights
    const states = new Set<string>();
    for (let i = 0; i < 200; i++) {
      kit.tick();
      states.add(npc!.ai.state);
    }
    expect([...states].sort()).toEqual(['attack', 'chase']);
    expect(npc!.ai.state).toBe('attack');
  });
});
