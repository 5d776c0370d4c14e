import type { SimSocket } from '../net/types';
import type { ZoneConnection } from '../zone/player';

/**
 * Lets a zone send to a client without knowing about Socket.IO. A snapshot is
 * written straight onto the engine.io connection: one binary websocket frame
 * (Socket.IO's emit of a Buffer costs two: a placeholder packet and the
 * attachment); the client's `snapshotParser` turns it back into `zone:snapshot`.
 */
export function socketConnection(socket: SimSocket): ZoneConnection {
  return {
    id: socket.id,
    welcome: (msg) => socket.emit('zone:welcome', msg),
    snapshot: (frame) => {
      if (socket.connected)
        socket.conn.write(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
    },
    // engine.io keeps what the websocket has not taken yet here (not in its typings)
    backlog: () => (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length,
    xp: (msg) => socket.emit('progress:xp', msg),
    stats: (msg) => socket.emit('char:stats', msg),
    area: (msg) => socket.emit('zone:area', msg),
  };
}
