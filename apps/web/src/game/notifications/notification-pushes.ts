import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';
import { isPushedNotification, type PushedNotification } from './notification-list';

/** notification:new — a notification for this character (the bell). */
export const notificationPushes = (
  onNotification: ((msg: PushedNotification) => void) | undefined,
): SocketFeature => ({
  wire(socket: SimSocket) {
    socket.on('notification:new', (msg: unknown) => {
      if (isPushedNotification(msg)) onNotification?.(msg);
    });
  },
});
