import type { AreaEnteredMsg, FriendPresenceMsg } from '@necp/shared';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import { standInPushes } from '../testing/stand-in-pushes';
import { receivePushes, warnOncePerEvent } from './push-receiver';
import type { SimSocket } from './sim-socket';

const presence: FriendPresenceMsg = { id: 'c2', name: 'Vik', status: 'online', zoneId: 'watson' };

describe('the push receiver', () => {
  it('hands a good push to its handler, parsed and typed', () => {
    const { pushes, emit, dropped } = standInPushes();
    const heard: FriendPresenceMsg[] = [];
    pushes.on('friend:presence', (msg) => {
      expectTypeOf(msg).toEqualTypeOf<FriendPresenceMsg>();
      heard.push(msg);
    });
    emit('friend:presence', { ...presence, unknownToThisBuild: true });
    expect(heard).toEqual([presence]);
    expect(dropped).toEqual([]);
  });

  it('drops a malformed push without throwing; the handler never sees it', () => {
    const { pushes, emit, dropped } = standInPushes();
    const handler = vi.fn();
    pushes.on('friend:presence', handler);
    for (const bad of [undefined, null, 'online', [], {}, { ...presence, status: 'away' }])
      expect(() => emit('friend:presence', bad)).not.toThrow();
    expect(handler).not.toHaveBeenCalled();
    expect(dropped).toHaveLength(6);
    // the next good one still arrives
    emit('friend:presence', presence);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('tells a listener that asked of an unreadable push of its event, after the bad-push hook', () => {
    const { pushes, emit, dropped } = standInPushes();
    const order: string[] = [];
    const handler = vi.fn();
    const unreadable = vi.fn((error: z.ZodError) =>
      order.push(`unreadable after ${dropped.length} dropped: ${error.issues.length > 0}`),
    );
    pushes.on('friend:presence', handler, { unreadable });
    // another listener of the event, and one of another event, did not ask
    pushes.on('friend:presence', () => undefined);
    pushes.on('zone:area', () => undefined, { unreadable: () => order.push('zone:area') });
    emit('friend:presence', { ...presence, status: 'away' });
    expect(handler).not.toHaveBeenCalled();
    expect(unreadable).toHaveBeenCalledOnce();
    expect(order).toEqual(['unreadable after 1 dropped: true']);
    // a good one reaches the handler and nothing else
    emit('friend:presence', presence);
    expect(handler).toHaveBeenCalledExactlyOnceWith(presence);
    expect(unreadable).toHaveBeenCalledOnce();
  });

  it('parses a push once for all its handlers, in the order they were added', () => {
    const { pushes, emit } = standInPushes();
    const seen: [string, AreaEnteredMsg][] = [];
    pushes.on('zone:area', (msg) => seen.push(['first', msg]));
    pushes.on('zone:area', (msg) => seen.push(['second', msg]));
    emit('zone:area', { areaId: 'a1', name: 'Market' });
    expect(seen.map(([who]) => who)).toEqual(['first', 'second']);
    expect(seen[0]![1]).toBe(seen[1]![1]);
  });

  it('tells of an unreadable push once per event (development)', () => {
    const warn = vi.fn();
    const listeners = new Map<string, (msg: unknown) => void>();
    const socket = {
      on: (event: string, fn: (msg: unknown) => void) => listeners.set(event, fn),
    } as unknown as SimSocket;
    const pushes = receivePushes(socket, warnOncePerEvent(warn));
    pushes.on('guild:update', () => undefined);
    pushes.on('zone:area', () => undefined);
    listeners.get('guild:update')!({ guildId: 3 });
    listeners.get('guild:update')!(null);
    listeners.get('zone:area')!({});
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'Dropped an unreadable guild:update push (told once per event).',
      'Dropped an unreadable zone:area push (told once per event).',
    ]);
  });

  it('is the only way to hear a push: the socket type lists none but the snapshot', () => {
    const { socket } = standInPushes();
    expectTypeOf<Parameters<SimSocket['on']>[0]>().toEqualTypeOf<
      'connect' | 'connect_error' | 'disconnect' | 'zone:snapshot'
    >();
    // @ts-expect-error — a push is heard through receivePushes, parsed
    socket.on('chat:message', () => undefined);
  });
});
