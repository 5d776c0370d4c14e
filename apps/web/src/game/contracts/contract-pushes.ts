import type { ContractProgressMsg } from '@necp/shared';
import type { Pushes } from '../net/push-receiver';
import type { SocketFeature } from '../net/socket-feature';

/** contract:progress — a kill or craft contract of yours (either side) counted one more. */
export const contractPushes = (
  onProgress: ((msg: ContractProgressMsg) => void) | undefined,
): SocketFeature => ({
  wire(pushes: Pushes) {
    pushes.on('contract:progress', (msg) => onProgress?.(msg));
  },
});
