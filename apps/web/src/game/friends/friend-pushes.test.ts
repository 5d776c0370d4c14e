import type { FriendPresenceMsg } from '@necp/shared';
import { describe, expect, it } from 'vitest';
import { standInPushes } from '../testing/stand-in-pushes';
import { friendPushes } from './friend-pushes';

describe('friend:presence', () => {
  it('hands on a presence as the sim sends it and drops anything else', () => {
    const { pushes, emit, dropped } = standInPushes();
    const heard: FriendPresenceMsg[] = [];
    friendPushes((msg) => heard.push(msg)).wire(pushes);
    emit('friend:presence', { id: 'a', name: 'A', status: 'afk', zoneId: 'watson' });
    emit('friend:presence', { id: 'a', name: 'A', status: 'offline', zoneId: null });
    emit('friend:presence', { id: 'a', name: 'A', status: 'away', zoneId: null });
    emit('friend:presence', { id: 1, name: 'A', status: 'online', zoneId: null });
    emit('friend:presence', null);
    expect(heard.map((m) => m.status)).toEqual(['afk', 'offline']);
    expect(dropped).toHaveLength(3);
  });
});
