import { describe, expect, it } from 'vitest';
import { distance } from '@necp/shared';
import { npcKit, npcTemplate, spawnAt } from './fake-npc-world';

const P = 1;
const thug = npcTemplate({ behaviour: { aggroRange: 10, leashRange: 20 } });

function fighting() {
  const kit = npcKit([thug], [spawnAt('a', 'test_thug', 100, 100)]);
  const npc = kit.of('a')[0]!;
  kit.world.setPlayer(P, 108, 100);
  kit.tickUntil(() => npc.ai.state === 'attack');
  return { kit, npc };
}

describe('NPC brain: leash', () => {
  it('kited past its leash it runs home deaf to everything, then resets and idles', () => {
    const { kit, npc } = fighting();
    // the player kites it out to 18 m (still inside the leash), hurting it
    kit.world.setPlayer(P, 118, 100);
    kit.director.onDamaged(npc.eid, P, 60, 1);
    npc.health = 40;
    kit.tickUntil(() => npc.ai.state === 'attack');
    expect(npc.damageBy.get(P)).toBe(60);

    kit.world.setPlayer(P, 125, 100); // beyond 20 m from home
    kit.tick();
    expect(npc.ai.state).toBe('leash');
    expect(npc.threat.size).toBe(0);

    // on the way home the player stands next to it and hits it: nothing
    kit.tick(5);
    kit.world.setPlayer(P, npc.x - 1, npc.y);
    kit.director.onDamaged(npc.eid, P, 10, 1);
    const uses = kit.world.uses.length;
    kit.tick(5);
    expect(npc.ai.state).toBe('leash');
    expect(npc.threat.size).toBe(0);
    expect(kit.world.uses.length).toBe(uses);

    kit.world.setPlayer(P, 160, 100);
    kit.tickUntil(() => npc.ai.state === 'idle');
    expect({ x: npc.x, y: npc.y }).toEqual(npc.home);
    expect(kit.world.resets).toEqual([npc.eid]);
    expect(npc.health).toBe(npc.maxHealth);
    expect(npc.threat.size).toBe(0);
    expect(npc.damageBy.size).toBe(0);

    // not deaf for ever: a player in range is attacked again
    kit.world.setPlayer(P, 105, 100);
    kit.tick();
    expect(npc.ai.state).toBe('chase');
  });

  it('leashes when it is itself past leashRange from home, even with a valid target', () => {
    const { kit, npc } = fighting();
    kit.world.setPlayer(P, 115, 100);
    kit.world.placeNpc(npc.eid, { x: 121, y: 100 }); // knocked far out
    kit.tick();
    expect(npc.ai.state).toBe('leash');
  });

  it('turns to the next player on its table when its target dies, and leashes when none is left', () => {
    const { kit, npc } = fighting();
    kit.world.setPlayer(2, 100, 102);
    kit.director.onDamaged(npc.eid, 2, 1, 1);
    kit.world.setPlayer(P, 108, 100, true); // dead
    kit.tick();
    expect(npc.ai.targetEid).toBe(2);
    kit.tickUntil(() => npc.ai.state === 'attack');
    expect(kit.world.hits('npc_attack').at(-1)?.targetEid).toBe(2);

    kit.director.onPlayerGone(2); // left the zone
    kit.tick();
    expect(npc.ai.state).toBe('leash');
    kit.tickUntil(() => npc.ai.state === 'idle');
  });

  it('leashes when its only target dies', () => {
    const { kit, npc } = fighting();
    kit.world.setPlayer(P, npc.x + 1, npc.y, true);
    kit.tick();
    expect(npc.ai.state).toBe('leash');
    expect(npc.ai.targetEid).toBeNull();
  });

  it('gives up a chase it cannot finish (target behind a building)', () => {
    const wall = { x: 104, y: 80, w: 2, h: 40 };
    const kit = npcKit([thug], [spawnAt('a', 'test_thug', 100, 100)], { obstacles: [wall] });
    const npc = kit.of('a')[0]!;
    kit.world.setPlayer(P, 110, 100);
    kit.director.onDamaged(npc.eid, P, 5, 1); // hit through a window, say
    kit.tickUntil(() => npc.ai.state === 'chase');
    kit.tickUntil(() => npc.ai.state === 'leash', 400);
    kit.tickUntil(() => npc.ai.state === 'idle');
    expect(distance(npc, npc.home)).toBe(0);
  });
});
