import { sampleWelcome } from '@necp/shared/testing';
import { describe, expect, it, vi } from 'vitest';
import { standInPushes } from '../testing/stand-in-pushes';
import { OUT_OF_DATE } from './errors';
import { endOnUnreadableWelcome } from './welcome-guard';

const welcome = sampleWelcome();

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
