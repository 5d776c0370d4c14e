import { describe, expect, it } from 'vitest';
import { NPC_CORPSE_MS, TICK_MS } from '@necp/shared';
import { npcKit, npcTemplate, spawnAt } from './fake-npc-world';
import type { Npc } from './npc';

const P = 1;

describe('NpcDirector: death and respawn', () => {
  it('a corpse stays NPC_CORPSE_MS, is hidden, and respawns at home after respawnSeconds', () => {
    const despawned: number[] = [];
    const respawned: Npc[] = [];
    const kit = npcKit(
      [npcTemplate({ respawnSeconds: 30 })],
      [spawnAt('a', 'test_thug', 100, 100)],
      { onDespawn: (n) => despawned.push(n.eid), onRespawn: (n) => respawned.push(n) },
    );
    const npc = kit.of('a')[0]!;
    kit.world.setPlayer(P, 105, 100);
    kit.director.onDamaged(npc.eid, P, 100, 1);
    kit.tick(10);
    const firstLife = npc.lifeId;
    npc.health = 0;
    npc.combat.dead = true;
    const diedAt = kit.world.t;
    kit.director.onDeath(npc.eid, diedAt);
    expect(npc.ai.state).toBe('dead');
    expect(npc.threat.size).toBe(0);
    expect(npc.damageBy.get(P)).toBe(100); // kept for kill credit

    const uses = kit.world.uses.length;
    kit.tickUntil(() => despawned.length > 0);
    expect(kit.world.t).toBe(diedAt + NPC_CORPSE_MS);
    expect(kit.director.isHidden(npc.eid)).toBe(true);
    expect(kit.world.uses.length).toBe(uses); // the dead do not fight

    kit.tickUntil(() => respawned.length > 0);
    expect(kit.world.t).toBe(diedAt + 30_000);
    expect(respawned).toEqual([npc]);
    expect(despawned).toEqual([npc.eid]);
    expect(kit.director.isHidden(npc.eid)).toBe(false);
    expect(npc.lifeId).not.toBe(firstLife);
    expect(npc).toMatchObject({
      health: npc.maxHealth,
      respawnAt: null,
      x: npc.home.x,
      y: npc.home.y,
    });
    expect(npc.combat.dead).toBe(false);
    expect(npc.ai.state).toBe('idle');
    expect(npc.damageBy.size).toBe(0);
    expect(kit.world.resets).toContain(npc.eid);

    // and it fights again: the player standing there is aggroed
    kit.tick();
    expect(npc.ai.state).toBe('chase');
  });

  it('notices a death the engine marked without onDeath, and ignores damage to the dead', () => {
    const kit = npcKit([npcTemplate()], [spawnAt('a', 'test_thug', 100, 100)]);
    const npc = kit.of('a')[0]!;
    npc.combat.dead = true;
    kit.tick();
    expect(npc.ai.state).toBe('dead');
    expect(npc.respawnAt).toBe(kit.world.t + 30_000);
    kit.director.onDamaged(npc.eid, P, 10, 1);
    expect(npc.threat.size).toBe(0);
    expect(npc.damageBy.size).toBe(0);
    kit.tick(NPC_CORPSE_MS / TICK_MS);
    expect(kit.director.isHidden(npc.eid)).toBe(true);
  });
});

describe('NpcDirector: assist and threat from combat', () => {
  it('an aggroing NPC pulls idle neighbours of its faction, not others or far ones', () => {
    const kit = npcKit(
      [
        npcTemplate({ id: 'claw', faction: 'claws', behaviour: { aggroRange: 6 } }),
        npcTemplate({ id: 'scav', faction: 'scavs', behaviour: { aggroRange: 6 } }),
      ],
      [
        spawnAt('puller', 'claw', 100, 100),
        spawnAt('friend', 'claw', 105, 100),
        spawnAt('far-friend', 'claw', 120, 100),
        spawnAt('stranger', 'scav', 100, 106),
      ],
    );
    kit.world.setPlayer(P, 95, 100); // 5 m from the puller, 10+ from the rest
    kit.tick();
    const state = (id: string) => kit.of(id)[0]!.ai.state;
    expect(state('puller')).toBe('chase');
    expect(state('friend')).toBe('chase');
    expect(kit.of('friend')[0]!.ai.targetEid).toBe(P);
    expect(state('far-friend')).toBe('idle');
    expect(state('stranger')).toBe('idle');
  });

  it('records damage by player, adds threat × multiplier, and a miss still angers', () => {
    const kit = npcKit(
      [npcTemplate({ behaviour: { aggroRange: 0 } })],
      [spawnAt('a', 'test_thug', 100, 100)],
    );
    const npc = kit.of('a')[0]!;
    kit.director.onDamaged(npc.eid, 1, 20, 3);
    kit.director.onDamaged(npc.eid, 2, 0, 1);
    kit.director.onDamaged(npc.eid, 3, 5, 0); // a no-threat ability
    expect([...npc.threat]).toEqual([
      [1, 60],
      [2, 1],
    ]);
    expect([...npc.damageBy]).toEqual([
      [1, 20],
      [3, 5],
    ]);
  });

  it('healing an enemy of several NPCs angers each at the healer', () => {
    const kit = npcKit(
      [npcTemplate({ behaviour: { aggroRange: 0 } })],
      [spawnAt('a', 'test_thug', 100, 100, 2)],
    );
    const [a, b] = kit.of('a');
    kit.director.onDamaged(a!.eid, 1, 10, 1);
    kit.director.onDamaged(b!.eid, 1, 10, 1);
    kit.director.onHealed(9, 1, 30);
    expect(a!.threat.get(9)).toBe(15);
    expect(b!.threat.get(9)).toBe(15);
    kit.director.onHealed(9, 4, 30); // nobody fights player 4
    expect(a!.threat.get(9)).toBe(15);
  });
});
