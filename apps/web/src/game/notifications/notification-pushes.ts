import type { NotificationNewMsg } from '@necp/shared';
import type { Pushes } from '../net/push-receiver';
import type { SocketFeature } from '../net/socket-feature';

/** notification:new — a notification for this character (the bell). */
export const notificationPushes = (
  onNotification: ((msg: NotificationNewMsg) => void) | undefined,
): SocketFeature => ({
  wire(pushes: Pushes) {
    pushes.on('notification:new', (msg) => onNotification?.(msg));
  },
});
