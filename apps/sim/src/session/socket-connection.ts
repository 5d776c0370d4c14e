import type { SimSocket } from '../net/types';
import type { ZoneConnection } from '../zone/player';

/** Lets a zone send to a client without knowing about Socket.IO. */
export function socketConnection(socket: SimSocket): ZoneConnection {
  return {
    id: socket.id,
    welcome: (msg) => socket.emit('zone:welcome', msg),
    snapshot: (msg) => socket.emit('zone:snapshot', msg),
    xp: (msg) => socket.emit('progress:xp', msg),
    stats: (msg) => socket.emit('char:stats', msg),
    area: (msg) => socket.emit('zone:area', msg),
  };
}
