/**
 * Round-trip time to the sim via `net:ping`, every 2 s while connected, and the
 * offset of the server's clock from ours (drop loot rights are stamped with it).
 */
import type { SimSocket } from './sim-socket';

export const PING_INTERVAL_MS = 2000;
const PING_TIMEOUT_MS = 5000;

export function startPinging(
  socket: SimSocket,
  onRtt: (ms: number | null) => void,
  /** server clock − local clock, ms (assumes a symmetric path) */
  onClockOffset?: (ms: number) => void,
): () => void {
  const ping = async () => {
    if (!socket.connected) return;
    const sent = performance.now();
    try {
      const res = await socket.timeout(PING_TIMEOUT_MS).emitWithAck('net:ping', { t: Date.now() });
      const rtt = performance.now() - sent;
      onRtt(res.ok ? Math.round(rtt) : null);
      if (res.ok) onClockOffset?.(res.data.server - (Date.now() - rtt / 2));
    } catch {
      onRtt(null); // no answer within the timeout
    }
  };
  socket.on('connect', () => void ping());
  const timer = setInterval(() => void ping(), PING_INTERVAL_MS);
  return () => clearInterval(timer);
}
