import type { WelcomeMsg } from '@necp/shared';
import { describe, expect, it, vi } from 'vitest';
import { standInPushes } from '../testing/stand-in-pushes';
import { OUT_OF_DATE } from './errors';
import { endOnUnreadableWelcome } from './welcome-guard';

const welcome: WelcomeMsg = {
  zone: {
    id: 'watson',
    name: 'Watson',
    width: 400,
    height: 300,
    streets: [{ x: 0, y: 0, w: 10, h: 300, name: 'Main' }],
    obstacles: [],
    spawnPoints: [],
    areas: [],
  },
  self: {
    eid: 1,
    kind: 'player',
    name: 'Kira',
    level: 3,
    health: 90,
    maxHealth: 100,
    x: 1200,
    y: 3400,
    classId: 'solo',
    characterId: 'c1',
    speed: 5,
    abilities: ['shot'],
    combat: {
      resource: 50,
      maxResource: 100,
      gcd: 0,
      cd: {},
      cast: null,
      dead: null,
      inCombat: false,
    },
  },
  tick: 10,
  tickHz: 20,
  resumed: false,
  lastSeq: 0,
};

/** The welcome heard as the game client hears it (game-client.ts `wire`). */
function hearWelcome() {
  const disconnect = vi.fn();
  const { pushes, socket, emit, dropped } = standInPushes({ disconnect });
  const welcomed = vi.fn();
  const failed = vi.fn();
  pushes.on('zone:welcome', welcomed, endOnUnreadableWelcome(socket, failed));
  return { emit, dropped, welcomed, failed, disconnect };
}

describe('a zone:welcome', () => {
  it('that parses goes on to the world as ever: no fatal error, the socket stays', () => {
    const w = hearWelcome();
    w.emit('zone:welcome', welcome);
    expect(w.welcomed).toHaveBeenCalledExactlyOnceWith(welcome);
    expect(w.failed).not.toHaveBeenCalled();
    expect(w.disconnect).not.toHaveBeenCalled();
    expect(w.dropped).toEqual([]);
  });

  it('that does not parse ends the session: out of date, reload (not "connecting" forever)', () => {
    const w = hearWelcome();
    w.emit('zone:welcome', { ...welcome, self: { ...welcome.self, eid: 'one' } });
    expect(w.welcomed).not.toHaveBeenCalled();
    expect(w.dropped).toEqual(['zone:welcome']);
    expect(w.disconnect).toHaveBeenCalledOnce();
    expect(w.failed).toHaveBeenCalledExactlyOnceWith(OUT_OF_DATE);
    expect(OUT_OF_DATE).toMatchObject({
      message: 'This page is out of date with the server: reload.',
      // trying again brings the same welcome
      retry: false,
    });
    // the disconnect comes first: the connection watch reads it as no news
    expect(w.disconnect.mock.invocationCallOrder[0]).toBeLessThan(
      w.failed.mock.invocationCallOrder[0]!,
    );
  });
});
