// The cluster bus (cluster-bus.ts, local-first.ts) between two Socket.IO servers, as two
// sim processes run it, on PostgreSQL and on Redis: what this process pushes reaches its
// own sockets before anything sent straight to a socket after it (the "Match confirmed"
// status before the arena's transfer), and still reaches the other process's sockets;
// room joins, leaves and kicks keep their order on both (a join then a word to the room
// lost the word here on Redis).
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Server, type Socket } from 'socket.io';
import { io as connectTo, type Socket as ClientSocket } from 'socket.io-client';
import type { Redis } from 'ioredis';
import type { TestDatabase } from '@necp/db/testing';
import { createLog } from '@necp/game';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';
import { redisIsUp } from '../testing/redis-up';
import { ownTestDatabase } from '../testing/test-db';
import { postgresBus, redisBus, type ClusterBus } from './cluster-bus';

const SETTLE = { timeout: 10_000, interval: 20 };
const redisUp = await redisIsUp();

interface Node {
  http: HttpServer;
  io: Server;
  bus: ClusterBus;
  /** the server side of this node's one client */
  socket: Socket;
  client: ClientSocket;
  /** what the client was sent, in order */
  got: string[];
}

async function node(bus: ClusterBus): Promise<Node> {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'], adapter: bus.adapter });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  const serverSide = new Promise<Socket>((r) => io.once('connection', r));
  const client = connectTo(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
  const got: string[] = [];
  client.onAny((event: string) => got.push(event));
  client.on('disconnect', () => got.push('disconnected'));
  return { http, io, bus, socket: await serverSide, client, got };
}

/** Two nodes on one transport, each with its own bus, and the same checks on them. */
function busTests(
  makeBus: () => ClusterBus,
  setUp: () => Promise<void>,
  tearDown: () => Promise<void>,
) {
  let a: Node;
  let b: Node;

  beforeAll(async () => {
    await setUp();
    [a, b] = [await node(makeBus()), await node(makeBus())];
    // both adapters listen before anything is published (each answers the other)
    await vi.waitFor(async () => {
      expect((await a.io.fetchSockets()).length).toBe(2);
      expect((await b.io.fetchSockets()).length).toBe(2);
    }, SETTLE);
  });

  afterAll(async () => {
    for (const n of [a, b]) {
      n?.client.close();
      await n?.io.close();
      await n?.bus.close();
      n?.http.close();
    }
    await tearDown();
  });

  it('a room broadcast reaches this process before what is sent straight to the socket after it, and the other process too', async () => {
    for (const n of [a, b]) n.socket.join('players');
    a.io.to('players').emit('confirmed');
    a.socket.emit('transfer');
    await vi.waitFor(() => expect(a.got).toEqual(['confirmed', 'transfer']), SETTLE);
    await vi.waitFor(() => expect(b.got).toEqual(['confirmed']), SETTLE);
  });

  it("this process's own leave, heard back from the bus, is not made again over a later join", async () => {
    // a leave published, then this socket joins again here; were the leave's echo made
    // again, it would drop the socket from the room (a kick's echo would kick the socket
    // that took the old one's place)
    a.io.in('players').socketsLeave('crew');
    a.socket.join('crew');
    // the bus answers in order: once the others have answered this, the echo is in
    expect((await a.io.fetchSockets()).length).toBe(2);
    expect(a.socket.rooms.has('crew')).toBe(true);
    a.socket.leave('crew');
  });

  it('a join, a broadcast to the joined room, a leave and a kick keep their order on both processes', async () => {
    for (const n of [a, b]) n.got.length = 0;
    // the pushes' way: join by room, speak to the new room, leave it, speak again, kick
    a.io.in('players').socketsJoin('party');
    a.io.to('party').emit('party chat');
    a.io.in('players').socketsLeave('party');
    a.io.to('party').emit('after leaving');
    a.socket.emit('direct');
    a.io.in('players').disconnectSockets(true);
    for (const n of [a, b]) await vi.waitFor(() => expect(n.got).toContain('disconnected'), SETTLE);
    expect(a.got).toEqual(['party chat', 'direct', 'disconnected']);
    expect(b.got).toEqual(['party chat', 'disconnected']);
  });
}

describe('the PostgreSQL bus delivers here first', () => {
  let db: TestDatabase | undefined;
  const log = createLog('local-first-test', 'silent');
  busTests(
    () => postgresBus(db!.url, log),
    async () => {
      db = await ownTestDatabase(`necp_test_local_first_${process.pid}`);
    },
    async () => {
      await db?.drop();
    },
  );
});

describe.skipIf(!redisUp)('the Redis bus makes joins, leaves and kicks here first', () => {
  // a namespace of its own, so no other test's node hears these
  const prefix = testRedisPrefix('local-first');
  const clients: Redis[] = [];
  busTests(
    () => {
      const redis = testRedis(prefix);
      clients.push(redis);
      return redisBus(redis);
    },
    async () => undefined,
    async () => {
      const [first, ...rest] = clients.splice(0);
      await Promise.all(rest.map((c) => c.quit().catch(() => undefined)));
      if (first) await disposeTestRedis(first);
    },
  );
});
