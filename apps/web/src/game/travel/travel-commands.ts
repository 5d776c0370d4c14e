/**
 * zone:travel — ride the metro to another district. The ack only says the ride
 * was accepted (or why not); the new zone arrives as a zone:welcome, which the
 * game client handles — from another sim process when the ack names its URL. Offline and timeouts come back as refusals too, so the
 * caller has one shape to show.
 */
import { TravelResultSchema, type Ack, type TravelResult } from '@necp/shared';
import { readAck } from '../net/ack';
import type { SimSocket } from '../net/sim-socket';

/** the sim saves the character and moves it between zones before it answers */
const TRAVEL_ACK_TIMEOUT_MS = 10_000;

export async function requestTravel(
  socket: SimSocket | null,
  to: string,
): Promise<Ack<TravelResult>> {
  if (!socket?.connected)
    return {
      ok: false,
      error: { code: 'OFFLINE', message: 'Not connected to the city right now.' },
    };
  let ack: Ack<unknown>;
  try {
    ack = readAck<unknown>(
      await socket.timeout(TRAVEL_ACK_TIMEOUT_MS).emitWithAck('zone:travel', { to }),
    );
  } catch {
    return {
      ok: false,
      error: { code: 'TIMEOUT', message: 'The metro did not answer. Try again.' },
    };
  }
  if (!ack.ok) return ack;
  // simUrl (another sim process runs the district) decides where the client goes next
  const data = TravelResultSchema.safeParse(ack.data);
  if (data.success) return { ok: true, data: data.data };
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'The server sent an unreadable answer.' },
  };
}
