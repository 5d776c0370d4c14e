/**
 * How a process's Socket.IO server hears the others: room broadcasts, room joins,
 * kicks and server-side events made on one process reach the sockets of all. Every
 * process of the realtime tier has one — each sim, and the worker, whose headless
 * Socket.IO server holds no sockets and only pushes (worker/worker.ts).
 *
 * With Redis: Socket.IO's Redis adapter (pub/sub on the deployment's prefixed
 * channel). Without: its Postgres adapter (LISTEN/NOTIFY; a message over NOTIFY's
 * 8,000 bytes goes through the `socket_io_attachments` table), so one machine with
 * only PostgreSQL still runs the sim and the worker as two processes.
 */
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import type { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import pg from 'pg';
import { redisChannel, type GameDeps, type Log } from '@necp/game';
import { LocalFirstRedisAdapter, localFirst } from './local-first';

type Redis = NonNullable<GameDeps['redis']>;

/** What `io.adapter(...)` takes (Socket.IO's adapter constructor, kept loose here). */
type AdapterFactory = ReturnType<typeof createRedisAdapter>;

export interface ClusterBus {
  readonly kind: 'redis' | 'postgres';
  /** the adapter for `io.adapter(...)` */
  readonly adapter: AdapterFactory;
  /** closes its connections (after `io.close()`, which closes the adapter itself) */
  close(): Promise<void>;
}

export function redisBus(redis: Redis): ClusterBus {
  const sub = redis.duplicate();
  return {
    kind: 'redis',
    // joins, leaves and kicks made here first (local-first.ts); the channels carry the
    // deployment prefix (ioredis' keyPrefix does not apply to channels); a function, not
    // an arrow: Socket.IO calls the adapter with `new`
    adapter: function (nsp: Parameters<AdapterFactory>[0]) {
      return new LocalFirstRedisAdapter(nsp, redis, sub, { key: redisChannel(redis, 'socket.io') });
    } as unknown as AdapterFactory,
    close: async () => {
      await sub.quit().catch(() => undefined);
    },
  };
}

export function postgresBus(databaseUrl: string, log: Log): ClusterBus {
  // NOTIFY and the attachments on one connection: a process's messages go out in the
  // order they were made (a room join before the event for that room; pushes.ts)
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  publisher.on('error', (err) => log.warn({ err }, 'cluster bus: PostgreSQL connection error'));
  // the adapter's LISTEN connection, made here so that close() can end it whatever state
  // the adapter is in: it takes one from `connect()` and holds it — if it is closed while
  // that connection is still being made, it would never release it (nor the pool end)
  const listeners = new Set<pg.Client>();
  let closed = false;
  const connect = async () => {
    // after close(), the adapter's reconnection waits forever instead of retrying
    if (closed) return new Promise<never>(() => undefined);
    const client = new pg.Client({ connectionString: databaseUrl });
    // an error on a held connection must not crash the process: it ends, the adapter reconnects
    client.on('error', (err) => log.warn({ err }, 'cluster bus: LISTEN connection error'));
    listeners.add(client);
    client.on('end', () => listeners.delete(client));
    await client.connect();
    return Object.assign(client, { release: () => void client.end().catch(() => undefined) });
  };
  const factory = createPostgresAdapter(
    { connect, query: publisher.query.bind(publisher) } as unknown as pg.Pool,
    { errorHandler: (err: Error) => log.warn({ err }, 'cluster bus: PostgreSQL adapter error') },
  );
  // delivered here at once, published to the others behind it (local-first.ts); a
  // function, not an arrow: Socket.IO calls the adapter with `new`
  const adapter = function (nsp: Parameters<typeof factory>[0]) {
    return localFirst(factory(nsp));
  } as unknown as AdapterFactory;
  return {
    kind: 'postgres',
    adapter,
    close: async () => {
      closed = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await publisher.end().catch(() => undefined);
    },
  };
}

/** The bus of a process: Redis when the deployment has one, else its PostgreSQL. */
export function clusterBus(
  deps: { redis?: Redis | undefined; log: Log },
  databaseUrl: string,
): ClusterBus {
  return deps.redis ? redisBus(deps.redis) : postgresBus(databaseUrl, deps.log);
}
