// The worker role as production runs it without Redis: its own Socket.IO member of the
// PostgreSQL bus, sharing nothing with the sim but the database. What it pushes must
// reach the sim's sockets — in the order it was made, however large — and it serves
// its health and refuses sockets. (Its subscribers, bans and stats end to end:
// outbox-wiring.test.ts, live-worker.test.ts; the pushes themselves: net/push-dispatcher.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { io as connectTo } from 'socket.io-client';
import { databaseUrlOf } from '@necp/db';
import { emitTo, toCharacters, type ChatMessage, type Push } from '@necp/shared';
import { postgresBus } from '../net/cluster-bus';
import { outboxTestDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import type { TestClient } from '../testing/test-client';
import { DOMAIN_SUBSCRIBERS, type SimSubscriberFactories } from './outbox-wiring';
import { startWorker, type Worker } from './worker';

// graphile-worker drains whatever outbox it finds: this file has a database of its own
const db = outboxTestDb('simWorker');
const dbUrl = databaseUrlOf(db) ?? '';
let sim: TestSim;
simPerTest(db, (s) => (sim = s), { postgresBus: dbUrl });

let worker: Worker;
beforeEach(async () => {
  worker = await startWorker({
    deps: { ...sim.deps, db },
    bus: postgresBus(dbUrl, sim.deps.log),
    port: 0,
    host: '127.0.0.1',
    factories: DOMAIN_SUBSCRIBERS satisfies SimSubscriberFactories,
  });
});
afterEach(() => worker.close());

const chat = (text: string): ChatMessage => ({
  id: text.slice(0, 8),
  channel: 'party',
  text,
  at: 1,
});

/** Waits for `event` on `client`; the bus delivers within milliseconds, a loaded machine within seconds. */
const hear = <E extends 'chat:message' | 'session:kicked' | 'char:stats'>(
  client: TestClient,
  event: E,
) => client.next(event, 15_000);

describe('the worker', () => {
  it("reaches a party's sockets through PostgreSQL: the room join it pushed comes before the message to it, and the left-out member hears nothing", async () => {
    const a = await createPlayerAt(db, 40, 110);
    const b = await createPlayerAt(db, 44, 110);
    const ca = (await sim.join(a)).client;
    const cb = (await sim.join(b)).client;
    const party = `worker-party-${a.characterId}`;
    worker.pushes([
      { kind: 'join', characters: [a.characterId, b.characterId], room: { party } },
      {
        ...emitTo({ party }, 'chat:message', chat('hello party')),
        except: { character: a.characterId },
      },
    ]);
    expect(await hear(cb, 'chat:message')).toMatchObject({ text: 'hello party' });
    // B heard it, so A would have by now (one message, one adapter)
    await ca.sync();
    expect(ca.pending('chat:message')).toBe(0);
    // the room stays joined for the sim's own pushes too
    sim.server.pushes([emitTo({ party }, 'chat:message', chat('from the sim'))]);
    expect(await hear(ca, 'chat:message')).toMatchObject({ text: 'from the sim' });
  });

  it("carries a message larger than NOTIFY's 8,000 bytes (through the attachments table)", async () => {
    const p = await createPlayerAt(db, 40, 110);
    const { client } = await sim.join(p);
    const text = 'x'.repeat(20_000);
    worker.pushes([emitTo(toCharacters(p.characterId), 'chat:message', chat(text))]);
    expect((await hear(client, 'chat:message')).text).toBe(text);
  });

  it('kicks an account and makes the sim re-read a character, as its subscribers do', async () => {
    const p = await createPlayerAt(db, 40, 110);
    const { client } = await sim.join(p);
    await client.next('char:stats');
    const pushes: Push[] = [{ kind: 'stats', character: p.characterId }];
    worker.pushes(pushes);
    expect(await hear(client, 'char:stats')).toBeTruthy();
    worker.pushes([
      { kind: 'kick', to: { user: p.userId }, msg: { reason: 'banned', message: 'Banned.' } },
    ]);
    expect(await hear(client, 'session:kicked')).toMatchObject({ reason: 'banned' });
    expect(await client.next('disconnect', 15_000)).toBe('io server disconnect');
  });

  it('answers GET /health, refuses sockets, and says so while it stops', async () => {
    const url = `http://127.0.0.1:${worker.port}`;
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', role: 'worker' });
    // with the outbox's backlog, which this worker keeps drained
    await vi.waitFor(
      async () =>
        expect(
          ((await (await fetch(`${url}/health`)).json()) as { outbox: unknown }).outbox,
        ).toEqual({ pending: 0, capped: false, oldestAgeMs: null }),
      { timeout: 15_000, interval: 100 },
    );
    expect((await fetch(`${url}/metrics`)).status).toBe(404);

    const socket = connectTo(url, { transports: ['websocket'], reconnection: false });
    const refused = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(refused).toBeInstanceOf(Error);

    await worker.close();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
