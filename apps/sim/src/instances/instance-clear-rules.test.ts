import { describe, expect, it } from 'vitest';
import type { Zone } from '../zone/zone';
import { InstanceClearRules, type InstanceClear } from './instance-clear-rules';

/** Just enough of a zone: who stands in it and its NPCs by spawn. */
function fakeZone(present: string[], npcs: { spawnId: string; dead: boolean }[]) {
  return {
    player: (id: string) => (present.includes(id) ? {} : undefined),
    npcs: { npcs: () => npcs.map((n) => ({ spawnId: n.spawnId, combat: { dead: n.dead } })) },
  } as unknown as Pick<Zone, 'player' | 'npcs'>;
}

describe('InstanceClearRules', () => {
  it('clears a dungeon once, the tick the boss is dead, crediting the members inside', () => {
    const clears: InstanceClear[] = [];
    const rules = new InstanceClearRules({
      bossSpawnId: 'vault-boss',
      members: () => ['a', 'b', 'c'],
      onCleared: (c) => clears.push(c),
    });
    const npcs = [
      { spawnId: 'vault-hall-north', dead: true },
      { spawnId: 'vault-boss', dead: false },
    ];
    const zone = fakeZone(['a', 'b'], npcs);
    // trash dying clears nothing
    rules.afterTick(zone, 1_000);
    expect(clears).toEqual([]);
    npcs[1]!.dead = true;
    rules.afterTick(zone, 2_000);
    expect(clears).toEqual([{ present: ['a', 'b'], at: 2_000 }]);
    rules.afterTick(zone, 3_000);
    expect(clears).toHaveLength(1);
    expect(rules.cleared).toEqual(clears[0]);
  });

  it('clears a raid by its own boss spawn, with the members of the moment', () => {
    const clears: InstanceClear[] = [];
    const members = ['r1', 'r2', 'r3'];
    const rules = new InstanceClearRules({
      bossSpawnId: 'reef-core-boss',
      members: () => members,
      onCleared: (c) => clears.push(c),
    });
    const npcs = [
      { spawnId: 'reef-corridor', dead: true },
      { spawnId: 'reef-door-north', dead: true },
      // another instance's boss spawn id dying means nothing here
      { spawnId: 'vault-boss', dead: true },
      { spawnId: 'reef-core-boss', dead: false },
    ];
    const zone = fakeZone(['r1', 'r3', 'r4', 'stranger'], npcs);
    rules.afterTick(zone, 500);
    expect(rules.cleared).toBeNull();
    // a member joined (backfill) before the boss fell: asked at the clear, credited
    members.push('r4');
    npcs[3]!.dead = true;
    rules.afterTick(zone, 1_500);
    // r2 is not inside, the stranger is no member
    expect(clears).toEqual([{ present: ['r1', 'r3', 'r4'], at: 1_500 }]);
    rules.afterTick(zone, 2_000);
    expect(clears).toHaveLength(1);
  });

  it('a zone without the boss spawn never clears', () => {
    const rules = new InstanceClearRules({
      bossSpawnId: 'reef-core-boss',
      members: () => ['a'],
      onCleared: () => expect.unreachable(),
    });
    rules.afterTick(fakeZone(['a'], [{ spawnId: 'reef-corridor', dead: true }]), 1);
    expect(rules.cleared).toBeNull();
  });
});
