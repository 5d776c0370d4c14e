import type { FriendPresenceMsg } from '@necp/shared';
import type { Pushes } from '../net/push-receiver';
import type { SocketFeature } from '../net/socket-feature';

/** friend:presence — a friend came online, went AFK, changed district or left. */
export const friendPushes = (onPresence: (msg: FriendPresenceMsg) => void): SocketFeature => ({
  wire(pushes: Pushes) {
    pushes.on('friend:presence', onPresence);
  },
});
