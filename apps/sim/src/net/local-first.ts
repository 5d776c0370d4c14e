/**
 * The PostgreSQL bus delivering to this process's own sockets at once, as the Redis
 * adapter does. Socket.IO's cluster adapter (the base of its Postgres adapter) first
 * publishes a broadcast, waits for the NOTIFY to return, and only then delivers it
 * here; whatever a handler sent straight to a socket meanwhile overtook it. So a
 * match's "confirmed" status, pushed to its players' rooms, reached the browser after
 * the `instance:transfer` sent to the socket just behind it — the client had dropped
 * that connection for the arena's by then, and the toast was never shown (CI, under
 * load). Room joins, leaves and kicks are made here at once too, so a push that joins
 * a room and then speaks to it keeps its order on this process. The other processes
 * hear all of it as before, in the order it was made (one publishing connection:
 * cluster-bus.ts). Acked broadcasts (`broadcastWithAck`) are left as they are: the sim
 * makes none.
 */
import {
  Adapter,
  MessageType,
  type BroadcastOptions,
  type ClusterAdapter,
  type Room,
} from 'socket.io-adapter';

type Publish = (message: { type: MessageType; data: unknown }) => void;

/** The options as the cluster adapter sends them (its own encodeOptions). */
const encode = (opts: BroadcastOptions) => ({
  rooms: [...opts.rooms],
  except: [...(opts.except ?? [])],
  flags: opts.flags,
});

/** `adapter` (a cluster adapter) changed in place to deliver locally first. */
export function localFirst<A extends ClusterAdapter>(adapter: A): A {
  const local = Adapter.prototype;
  // protected in the typings; the heartbeat adapter's own (it counts as a heartbeat)
  const publish = (adapter as unknown as { publish: Publish }).publish.bind(adapter);
  const remote = (opts: BroadcastOptions) => !opts.flags?.local;
  Object.assign(adapter, {
    broadcast(packet: unknown, opts: BroadcastOptions) {
      if (remote(opts))
        publish({ type: MessageType.BROADCAST, data: { packet, opts: encode(opts) } });
      local.broadcast.call(adapter, packet, opts);
    },
    addSockets(opts: BroadcastOptions, rooms: Room[]) {
      if (remote(opts))
        publish({ type: MessageType.SOCKETS_JOIN, data: { opts: encode(opts), rooms } });
      local.addSockets.call(adapter, opts, rooms);
    },
    delSockets(opts: BroadcastOptions, rooms: Room[]) {
      if (remote(opts))
        publish({ type: MessageType.SOCKETS_LEAVE, data: { opts: encode(opts), rooms } });
      local.delSockets.call(adapter, opts, rooms);
    },
    disconnectSockets(opts: BroadcastOptions, close: boolean) {
      if (remote(opts))
        publish({ type: MessageType.DISCONNECT_SOCKETS, data: { opts: encode(opts), close } });
      local.disconnectSockets.call(adapter, opts, close);
    },
  });
  return adapter;
}
