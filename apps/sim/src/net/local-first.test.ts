// The PostgreSQL bus (cluster-bus.ts, local-first.ts) between two Socket.IO servers, as
// two sim processes without Redis run it: what this process pushes reaches its own
// sockets before anything sent straight to a socket after it (the "Match confirmed"
// status before the arena's transfer), and still reaches the other process's sockets;
// room joins, leaves and kicks keep their order on both.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Server, type Socket } from 'socket.io';
import { io as connectTo, type Socket as ClientSocket } from 'socket.io-client';
import type { TestDatabase } from '@necp/db/testing';
import { createLog } from '@necp/game';
import { ownTestDatabase } from '../testing/test-db';
import { postgresBus, type ClusterBus } from './cluster-bus';

const SETTLE = { timeout: 10_000, interval: 20 };

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

let db: TestDatabase;
let a: Node;
let b: Node;

async function node(url: string): Promise<Node> {
  const http = createServer();
  const bus = postgresBus(url, createLog('local-first-test', 'silent'));
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

beforeAll(async () => {
  db = await ownTestDatabase(`necp_test_local_first_${process.pid}`);
  [a, b] = [await node(db.url), await node(db.url)];
  // both adapters listen before anything is published (a heartbeat from each is heard)
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
  await db?.drop();
});

describe('the PostgreSQL bus delivers here first', () => {
  it('a room broadcast reaches this process before what is sent straight to the socket after it, and the other process too', async () => {
    for (const n of [a, b]) n.socket.join('players');
    a.io.to('players').emit('confirmed');
    a.socket.emit('transfer');
    await vi.waitFor(() => expect(a.got).toEqual(['confirmed', 'transfer']), SETTLE);
    await vi.waitFor(() => expect(b.got).toEqual(['confirmed']), SETTLE);
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
});
