import type { Pushes } from '../net/push-receiver';
import type { SocketFeature } from '../net/socket-feature';

/** Joined, left, kicked, disbanded, the roster changed; an invitation: the guild window reads again. */
export const guildPushes = (onChange: (() => void) | undefined): SocketFeature => ({
  wire(pushes: Pushes) {
    pushes.on('guild:update', () => onChange?.());
    pushes.on('guild:invited', () => onChange?.());
  },
});
