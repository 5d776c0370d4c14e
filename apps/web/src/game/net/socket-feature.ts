import type { Pushes } from './push-receiver';

/**
 * A client feature that hears what the sim pushes: GameClient wires each on every
 * new socket (a zone on another process, an instance, a reconnect bring a new one),
 * handing it that socket's pushes, each parsed and typed (net/push-receiver.ts).
 * A feature's listeners live with it (its *-commands.ts or *-pushes.ts), not in the client.
 */
export interface SocketFeature {
  wire(pushes: Pushes): void;
}
