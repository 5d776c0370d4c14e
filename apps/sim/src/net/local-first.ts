/**
 * The cluster bus delivering to this process's own sockets at once, and publishing to
 * the other processes behind it — on both of its transports (cluster-bus.ts).
 *
 * PostgreSQL (`localFirst`): Socket.IO's cluster adapter (the base of its Postgres
 * adapter) first publishes a broadcast, waits for the NOTIFY to return, and only then
 * delivers it here; whatever a handler sent straight to a socket meanwhile overtook it.
 * So a match's "confirmed" status, pushed to its players' rooms, reached the browser
 * after the `instance:transfer` sent to the socket just behind it — the client had
 * dropped that connection for the arena's by then, and the toast was never shown (CI,
 * under load).
 *
 * Redis (`LocalFirstRedisAdapter`): its adapter delivers a broadcast here at once, but
 * makes a room join, leave or kick only when its own request comes back over pub/sub
 * (every node applies it then, this one too). A push that joins a room and then speaks
 * to it lost the message on this process: the socket was not in the room yet.
 *
 * On both, room joins, leaves and kicks are made here at once, so a push sequence keeps
 * its order on this process; the other processes hear all of it as before, in the order
 * it was made (one publishing connection). Acked broadcasts (`broadcastWithAck`) are
 * left as they are: the sim makes none.
 */
import {
  Adapter,
  MessageType,
  type BroadcastOptions,
  type ClusterAdapter,
  type Room,
} from 'socket.io-adapter';
import { RedisAdapter } from '@socket.io/redis-adapter';

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

/** The Redis adapter's request types this node makes here first (its RequestType). */
const MADE_HERE = new Set([2, 3, 4]); // REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT

/**
 * The Redis adapter making room joins, leaves and kicks here first. Its own request,
 * when it comes back, is skipped: applied twice, a join published before a leave would
 * put the socket back in the room between the two.
 */
export class LocalFirstRedisAdapter extends RedisAdapter {
  override addSockets(opts: BroadcastOptions, rooms: Room[]): void {
    if (!opts.flags?.local) Adapter.prototype.addSockets.call(this, opts, rooms);
    super.addSockets(opts, rooms);
  }

  override delSockets(opts: BroadcastOptions, rooms: Room[]): void {
    if (!opts.flags?.local) Adapter.prototype.delSockets.call(this, opts, rooms);
    super.delSockets(opts, rooms);
  }

  override disconnectSockets(opts: BroadcastOptions, close: boolean): void {
    if (!opts.flags?.local) Adapter.prototype.disconnectSockets.call(this, opts, close);
    super.disconnectSockets(opts, close);
  }
}

/** The adapter's request handler: private in its typings, bound by its constructor. */
interface Requests {
  onrequest(this: RedisAdapter, channel: string | Buffer, msg: Buffer): Promise<void>;
}
const baseOnRequest = (RedisAdapter.prototype as unknown as Requests).onrequest;
// set on the prototype, so the base constructor binds this one
(LocalFirstRedisAdapter.prototype as unknown as Requests).onrequest = function (channel, msg) {
  const { requestChannel } = this as unknown as { requestChannel: string };
  if (isOwnRequest(channel.toString(), msg, requestChannel, this.uid as string)) {
    return Promise.resolve();
  }
  return baseOnRequest.call(this, channel, msg);
};

/** A join, leave or kick this node published (they go out as JSON: the adapter's own). */
function isOwnRequest(channel: string, msg: Buffer, requestChannel: string, uid: string) {
  if (!channel.startsWith(requestChannel) || msg[0] !== 0x7b) return false;
  try {
    const request = JSON.parse(msg.toString()) as { uid?: unknown; type?: unknown; opts?: unknown };
    return request.uid === uid && MADE_HERE.has(request.type as number) && !!request.opts;
  } catch {
    return false;
  }
}
