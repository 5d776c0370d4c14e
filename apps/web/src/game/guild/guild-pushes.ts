import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';
import { isGuildInvited, isGuildUpdate } from './guild-view';

/** Joined, left, kicked, disbanded, the roster changed; an invitation: the guild window reads again. */
export const guildPushes = (onChange: (() => void) | undefined): SocketFeature => ({
  wire(socket: SimSocket) {
    socket.on('guild:update', (msg: unknown) => {
      if (isGuildUpdate(msg)) onChange?.();
    });
    socket.on('guild:invited', (msg: unknown) => {
      if (isGuildInvited(msg)) onChange?.();
    });
  },
});
