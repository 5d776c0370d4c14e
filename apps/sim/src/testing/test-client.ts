/**
 * A real socket.io-client for sim integration tests. Every server event is queued
 * as it arrives, so a test can `await next('zone:snapshot')` without racing the
 * socket, and `sync()` (a ping round trip) proves nothing else is in flight.
 */
import { io, type Socket } from 'socket.io-client';
import {
  SnapshotReader,
  snapshotParser,
  type Ack,
  type ClientToServerEvents,
  type ConnectErrorData,
  type ServerToClientEvents,
  type SnapshotMsg,
  type WelcomeMsg,
} from '@necp/shared';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents | 'disconnect';
/** Snapshot frames are queued read (real eids, absolute positions), like the game client sees them. */
type Payload<E extends EventName> = E extends 'zone:snapshot'
  ? SnapshotMsg
  : E extends keyof ServerToClientEvents
    ? Parameters<ServerToClientEvents[E]>[0]
    : string;
/** What the server acks a client event with. */
export type AckOf<E extends keyof ClientToServerEvents> = Parameters<
  NonNullable<Parameters<ClientToServerEvents[E]>[1]>
>[0];

// how long an awaited event may take before the test fails: room for a loaded 2-core CI
// machine (3 s was missed there), never part of what a test asserts
const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * How long an ack may take before the test fails: a guard against a hang, not a latency
 * check (speed is the benches'). A sim process beside three vitest workers, the type
 * check and the web build once took over 3 s to ack an admin:loot (two-sims.test).
 */
const ACK_TIMEOUT_MS = 15_000;

export class TestClient {
  private readonly queues = new Map<string, unknown[]>();
  private readonly waiters = new Map<string, ((v: unknown) => void)[]>();
  private readonly reader = new SnapshotReader();

  constructor(readonly socket: ClientSocket) {
    socket.onAny((event: string, payload: unknown) => this.push(event, payload));
    socket.on('disconnect', (reason) => this.push('disconnect', reason));
  }

  /** The next unconsumed `event` (already received, or the next to arrive). */
  next<E extends EventName>(event: E, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Payload<E>> {
    const queued = this.queues.get(event);
    if (queued && queued.length > 0) return Promise.resolve(queued.shift() as Payload<E>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(event) ?? [];
        this.waiters.set(
          event,
          list.filter((w) => w !== waiter),
        );
        reject(new Error(`timed out waiting for ${event}`));
      }, timeoutMs);
      const waiter = (v: unknown) => {
        clearTimeout(timer);
        resolve(v as Payload<E>);
      };
      this.waiters.set(event, [...(this.waiters.get(event) ?? []), waiter]);
    });
  }

  /** How many `event`s arrived and were not consumed yet. */
  pending(event: EventName): number {
    return this.queues.get(event)?.length ?? 0;
  }

  /** Takes every queued `event` (e.g. all snapshots so far; call sync() first). */
  take<E extends EventName>(event: E): Payload<E>[] {
    const q = this.queues.get(event) ?? [];
    this.queues.delete(event);
    return q as Payload<E>[];
  }

  move(input: unknown): Promise<Ack> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('zone:move', input);
  }

  ping(t = 1): Promise<Ack<{ t: number; server: number }>> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('net:ping', { t });
  }

  /** Sends a client event and resolves with its ack; the payload is unchecked (tests send garbage too). */
  command<E extends keyof ClientToServerEvents>(event: E, payload: unknown): Promise<AckOf<E>> {
    const raw = this.socket as unknown as Socket;
    return raw.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload) as Promise<AckOf<E>>;
  }

  /** A round trip: every event the server sent before it has now arrived. */
  async sync(): Promise<void> {
    await this.ping();
  }

  close(): void {
    this.socket.close();
  }

  private push(event: string, raw: unknown) {
    let payload = raw;
    if (event === 'zone:welcome') {
      const w = raw as WelcomeMsg;
      this.reader.reset(w.self.eid, w.self);
    } else if (event === 'zone:snapshot') payload = this.reader.read(raw);
    const waiter = this.waiters.get(event)?.shift();
    if (waiter) return waiter(payload);
    const q = this.queues.get(event) ?? [];
    q.push(payload);
    this.queues.set(event, q);
  }
}

function openSocket(port: number, auth: Record<string, unknown>): ClientSocket {
  return io(`http://127.0.0.1:${port}`, {
    auth,
    parser: snapshotParser,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  });
}

/** Connects and resolves once `zone:welcome` arrives; rejects with the refusal otherwise. */
export function connectClient(
  port: number,
  auth: Record<string, unknown>,
): Promise<{ client: TestClient; welcome: WelcomeMsg }> {
  const socket = openSocket(port, auth);
  const client = new TestClient(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
    client.next('zone:welcome').then((welcome) => resolve({ client, welcome }), reject);
    socket.connect();
  });
}

/** Expects the handshake to be refused and returns the client-side `connect_error`. */
export async function expectRefused(
  port: number,
  auth: Record<string, unknown>,
): Promise<{ message: string; data: ConnectErrorData }> {
  try {
    const { client } = await connectClient(port, auth);
    client.close();
  } catch (err) {
    const e = err as Error & { data?: ConnectErrorData };
    if (!e.data) throw err;
    return { message: e.message, data: e.data };
  }
  throw new Error('expected the handshake to be refused, but it was accepted');
}
