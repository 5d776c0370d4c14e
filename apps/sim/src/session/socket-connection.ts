import type { SimSocket } from '../net/types';
import { directWriter } from '../net/ws-direct';
import type { ZoneConnection } from '../zone/player';

/**
 * Lets a zone send to a client without knowing about Socket.IO. A snapshot is
 * one binary engine.io message (Socket.IO's emit of a Buffer costs two frames: a
 * placeholder packet and the attachment), written straight onto the websocket's
 * TCP socket when nothing else waits (ws-direct.ts), through engine.io
 * otherwise; the client's `snapshotParser` turns it back into `zone:snapshot`.
 */
export function socketConnection(socket: SimSocket): ZoneConnection {
  const direct = directWriter(socket.conn);
  return {
    id: socket.id,
    welcome: (msg) => socket.emit('zone:welcome', msg),
    snapshot: (frame) => {
      if (!socket.connected || direct.write(frame)) return;
      socket.conn.write(Buffer.from(frame));
    },
    // engine.io keeps what the websocket has not taken yet in writeBuffer (not in its typings)
    backlog: () =>
      (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length + direct.pending(),
    xp: (msg) => socket.emit('progress:xp', msg),
    stats: (msg) => socket.emit('char:stats', msg),
    area: (msg) => socket.emit('zone:area', msg),
  };
}
