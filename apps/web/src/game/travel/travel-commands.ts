/**
 * zone:travel — ride the metro to another district. The ack only says the ride
 * was accepted (or why not); the new zone arrives as a zone:welcome, which the
 * game client handles — from another sim process when the ack names its URL.
 * Sent through sendCommand: offline and timeouts come back as refusals too, so the
 * caller has one shape to show.
 */
import { TravelResultSchema, type Ack, type TravelResult } from '@necp/shared';
import { sendCommand } from '../net/ack';
import type { SimSocket } from '../net/sim-socket';

/** the sim saves the character and moves it between zones before it answers */
const TRAVEL_ACK_TIMEOUT_MS = 10_000;

export async function requestTravel(
  socket: SimSocket | null,
  to: string,
): Promise<Ack<TravelResult>> {
  const ack = await sendCommand<unknown>(socket, 'zone:travel', { to }, TRAVEL_ACK_TIMEOUT_MS);
  if (!ack.ok) return ack;
  // simUrl (another sim process runs the district) decides where the client goes next
  const data = TravelResultSchema.safeParse(ack.data);
  if (data.success) return { ok: true, data: data.data };
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'The server sent an unreadable answer.' },
  };
}
