import { describe, expect, it } from 'vitest';
import { standInPushes } from '../testing/stand-in-pushes';
import { guildPushes } from './guild-pushes';

const invited = {
  inviteId: 'i1',
  guildId: 'g1',
  guildName: 'Night Owls',
  guildTag: 'OWL',
  fromId: 'c1',
  from: 'Al',
  expiresAt: 1_000,
};

describe('guild pushes', () => {
  it('reads the guild again on guild:update and guild:invited; drops what does not parse', () => {
    const { pushes, emit, dropped } = standInPushes();
    let changes = 0;
    guildPushes(() => changes++).wire(pushes);
    emit('guild:update', { guildId: 'g1' });
    emit('guild:update', { guildId: null });
    emit('guild:invited', invited);
    expect(changes).toBe(3);
    emit('guild:update', { guildId: 3 });
    emit('guild:update', null);
    emit('guild:invited', { ...invited, inviteId: undefined });
    emit('guild:invited', 'x');
    expect(changes).toBe(3);
    expect(dropped).toEqual(['guild:update', 'guild:update', 'guild:invited', 'guild:invited']);
  });
});
