import type { FriendPresenceMsg } from '@necp/shared';
import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';
import { isFriendPresence } from './friends-list';

/** friend:presence — a friend came online, went AFK, changed district or left. */
export const friendPushes = (onPresence: (msg: FriendPresenceMsg) => void): SocketFeature => ({
  wire(socket: SimSocket) {
    socket.on('friend:presence', (msg: FriendPresenceMsg) => {
      if (isFriendPresence(msg)) onPresence(msg);
    });
  },
});
