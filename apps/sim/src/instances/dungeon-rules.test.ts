import { describe, expect, it } from 'vitest';
import type { Zone } from '../zone/zone';
import { DungeonRules, type DungeonClear } from './dungeon-rules';

/** Just enough of a zone: who stands in it and its NPCs by spawn. */
function fakeZone(present: string[], npcs: { spawnId: string; dead: boolean }[]) {
  return {
    player: (id: string) => (present.includes(id) ? {} : undefined),
    npcs: { npcs: () => npcs.map((n) => ({ spawnId: n.spawnId, combat: { dead: n.dead } })) },
  } as unknown as Pick<Zone, 'player' | 'npcs'>;
}

describe('DungeonRules', () => {
  it('clears once, the tick the boss is dead, crediting the members inside', () => {
    const clears: DungeonClear[] = [];
    const rules = new DungeonRules({
      bossSpawnId: 'vault-boss',
      memberIds: ['a', 'b', 'c'],
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
});
