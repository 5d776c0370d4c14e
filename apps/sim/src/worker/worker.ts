/**
 * The worker role: the game's background work, apart from the realtime loop. It drains
 * the domain-event outbox into the subscribers (quests, reputation, achievements,
 * renown, bans and revoked sessions, stats and titles, guild rooms, notifications, the
 * leaderboards), runs the scheduled jobs (season turns, the daily cleanup, the boards'
 * minute job) and tells the web which public pages changed. The sims only simulate.
 *
 * What the subscribers push reaches the players through the same dispatcher as the
 * sims' own pushes (net/push-dispatcher.ts), over a Socket.IO server that refuses every
 * socket: a member of the cluster bus (Redis or PostgreSQL,
 * net/cluster-bus.ts) that only broadcasts. graphile-worker runs each job once however
 * many workers run (docs/operations.md, "Processes").
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { PushSink } from '@necp/shared';
import { internalRequestKey, outboxBacklog, type GameDeps, type RetryPolicy } from '@necp/game';
import type { ClusterBus } from '../net/cluster-bus';
import { createPushDispatcher } from '../net/push-dispatcher';
import type { SimIo } from '../net/types';
import { startSimOutboxWorker, type SimSubscriberFactories } from './outbox-wiring';
import { PageRevalidator } from './page-revalidator';

export interface WorkerOptions {
  deps: GameDeps;
  /** graphile-worker's own connections (its LISTEN and job queries); default: deps.db's URL */
  databaseUrl?: string;
  /** how the pushes reach the sims (closed with the worker) */
  bus: ClusterBus;
  /** GET /health (0 picks a free port) */
  port?: number;
  host?: string;
  /** the web's internal URL: it is told which public pages changed (absent: they expire in their minute) */
  webInternalUrl?: string | undefined;
  /** the subscribers (the domain's by default; tests pass their own) */
  factories?: SimSubscriberFactories;
  /**
   * When a failed delivery is tried again (default: 1 s, doubling). The backoff counts on
   * `deps.clock`: tests on a fake clock that does not move pass `{ baseMs: 0 }`, or a
   * failed delivery would wait for ever where production retries it a second later.
   */
  outboxRetry?: Partial<RetryPolicy>;
}

export interface Worker {
  port: number;
  /** where this worker's pushes go (tests push through it as a subscriber would) */
  pushes: PushSink;
  close(): Promise<void>;
}

export async function startWorker(o: WorkerOptions): Promise<Worker> {
  const log = o.deps.log.child({ svc: 'worker' });
  const pages = o.webInternalUrl
    ? new PageRevalidator({
        webUrl: o.webInternalUrl,
        key: internalRequestKey(o.deps.config.simTicketSecret),
        log: log.child({ component: 'page-revalidator' }),
      })
    : undefined;
  let closing = false;
  // GET /health: 200 while it runs, 503 once it is stopping (its only route), with the
  // outbox's backlog (null when the database does not answer) — how far behind it is
  const http = createServer((req, res) => {
    if (req.url !== '/health') return void res.writeHead(404).end();
    void outboxBacklog(o.deps)
      .catch(() => null)
      .then((outbox) => {
        res.writeHead(closing ? 503 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: closing ? 'stopping' : 'ok', role: 'worker', outbox }));
      });
  });
  // a member of the bus that only pushes: it refuses every socket
  const io: SimIo = new Server(http, {
    serveClient: false,
    transports: ['websocket'],
    allowRequest: (_req, callback) => callback('the worker takes no sockets', false),
  });
  io.adapter(o.bus.adapter);
  // refreshes (stats, titles) are for the sims holding the characters: all of them hear it
  const pushes = createPushDispatcher(io, { crossNode: true });
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(o.port ?? 3002, o.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // e.g. EADDRINUSE: release the bus so the caller can exit cleanly
    void io.close();
    await o.bus.close();
    throw err;
  }
  let outbox: Awaited<ReturnType<typeof startSimOutboxWorker>>;
  try {
    outbox = await startSimOutboxWorker(o.deps, pushes, {
      ...(o.databaseUrl ? { connectionString: o.databaseUrl } : {}),
      ...(o.factories ? { factories: o.factories } : {}),
      ...(o.outboxRetry ? { retry: o.outboxRetry } : {}),
      ...(pages ? { revalidatePages: (paths) => pages.add(paths) } : {}),
    });
  } catch (err) {
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    await o.bus.close();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  log.info({ port, bus: o.bus.kind, revalidatesPages: pages !== undefined }, 'worker up');

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      closing = true;
      // the jobs in flight finish and push; then the bus goes
      await outbox.stop();
      await pages?.stop();
      // closes the adapter and the HTTP server (its callback fires once that has closed)
      const httpClosed = new Promise<void>((resolve) => void io.close(() => resolve()));
      http.closeAllConnections();
      await httpClosed;
      await o.bus.close();
      log.info('worker closed');
    })());
  return { port, pushes, close };
}
