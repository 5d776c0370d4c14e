import { describe, expect, it, vi } from 'vitest';
import type { GameStore } from '../store/game-store';
import type { WorldState } from '../world/world-state';
import type { AudioEngine } from './audio-engine';
import { SoundDirector } from './sound-director';

function director(world: { selfDead: boolean } | null = { selfDead: false }) {
  const play = vi.fn();
  const engine = { unlocked: true, play } as unknown as AudioEngine;
  const store = { subscribe: () => () => {} } as unknown as GameStore;
  const d = new SoundDirector({
    engine,
    store,
    selfId: 'me',
    world: () => world as WorldState | null,
  });
  const steps = () => play.mock.calls.filter(([id]) => id === 'footstep').length;
  return { d, steps, world };
}

describe('footsteps', () => {
  it('sound once per stride of walking by input, however it is cut into moves', () => {
    const { d, steps } = director();
    d.walked(0.3);
    d.walked(0.3);
    expect(steps()).toBe(0);
    for (let i = 0; i < 6; i++) d.walked(0.3); // 2.4 m: one stride (2.2 m)
    expect(steps()).toBe(1);
    d.walked(2.2);
    d.walked(2.2);
    expect(steps()).toBe(3);
  });

  it('are not heard from a dead character, and a stride starts again after', () => {
    const world = { selfDead: true };
    const { d, steps } = director(world);
    d.walked(5);
    expect(steps()).toBe(0);
    world.selfDead = false;
    d.walked(2);
    expect(steps()).toBe(0);
    d.walked(0.3);
    expect(steps()).toBe(1);
  });
});
