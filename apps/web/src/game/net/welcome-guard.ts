/**
 * A zone:welcome this build cannot read (it failed its schema: the page is older or
 * newer than the sim) leaves the client with no world — nothing to play, the status
 * stuck on "connecting" — and asking again brings the same welcome. So, like any other
 * fatal client error, it ends the session with a message the player can act on
 * (OUT_OF_DATE: reload). Heard through the push receiver, as the welcome's option.
 */
import type { FatalError } from './connection-slice';
import { OUT_OF_DATE } from './errors';
import type { PushOptions } from './push-receiver';
import type { SimSocket } from './sim-socket';

/** The welcome's push options: an unreadable one closes `socket` and tells `failed`. */
export function endOnUnreadableWelcome(
  socket: SimSocket,
  failed: (fatal: FatalError) => void,
): PushOptions {
  return {
    unreadable: () => {
      // our own disconnect is no news to the connection watch (no "connection lost")
      socket.disconnect();
      failed(OUT_OF_DATE);
    },
  };
}
