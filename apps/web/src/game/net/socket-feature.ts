import type { SimSocket } from './sim-socket';

/**
 * A client feature that hears what the sim pushes: GameClient wires each on every
 * new socket (a zone on another process, an instance, a reconnect bring a new one).
 * A feature's listeners live with it (its *-commands.ts or *-pushes.ts), not in the client.
 */
export interface SocketFeature {
  wire(socket: SimSocket): void;
}
