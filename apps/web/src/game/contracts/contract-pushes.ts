import type { ContractProgressMsg } from '@necp/shared';
import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';

const count = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** contract:progress as the sim sends it. */
export function isContractProgress(msg: unknown): msg is ContractProgressMsg {
  if (!msg || typeof msg !== 'object') return false;
  const m = msg as Record<string, unknown>;
  return (
    typeof m.contractId === 'string' &&
    m.contractId.length > 0 &&
    count(m.progress) &&
    count(m.quantity) &&
    (m.progress as number) <= (m.quantity as number)
  );
}

/** contract:progress — a kill or craft contract of yours (either side) counted one more. */
export const contractPushes = (
  onProgress: ((msg: ContractProgressMsg) => void) | undefined,
): SocketFeature => ({
  wire(socket: SimSocket) {
    socket.on('contract:progress', (msg: unknown) => {
      if (isContractProgress(msg)) onProgress?.(msg);
    });
  },
});
