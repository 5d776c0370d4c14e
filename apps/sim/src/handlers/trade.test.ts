// Face-to-face trade over real sockets: asked by name in range, answered, offered,
// accepted on both sides (the stacks and eddies change hands); refused out of range;
// ended by the watch when a side walks away, and at once when a side disconnects.
import { describe, expect, it } from 'vitest';
import { TICK_MS, TRADE_ACCEPT_DELAY_MS, TRADE_IDLE_MS, TRADE_REQUEST_MS } from '@necp/shared';
import { grantItem } from '@necp/game';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import type { TestClient } from '../testing/test-client';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

/** Two connected players `apart` metres from each other, by a quiet Watson corner. */
async function pair(apart = 3) {
  const a = await createPlayerAt(db, 60, 460);
  const b = await createPlayerAt(db, 60 + apart, 460);
  const ca = (await sim.join(a)).client;
  const cb = (await sim.join(b)).client;
  return { a, b, ca, cb };
}

async function ok<T>(
  p: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>,
) {
  const res = await p;
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}

/** `seq` carries on across walks: the sim drops an input it has seen the number of */
async function walk(client: TestClient, dx: number, ticks: number, seq: { n: number }) {
  for (let i = 0; i < ticks; i++) {
    await client.move({ seq: ++seq.n, dx, dy: 0, ms: TICK_MS });
    sim.step();
  }
  await client.sync();
}

describe('trade over the sim socket', () => {
  it('asked by name, answered, offered and accepted: the pistol and the eddies change hands', async () => {
    const { a, b, ca, cb } = await pair();
    const [pistol] = await grantItem(
      { db },
      { characterId: a.characterId, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
    );
    await db.character.update({ where: { id: b.characterId }, data: { eddies: 50 } });
    const asked = await ok(ca.command('trade:request', { name: b.character.name.toUpperCase() }));
    expect(asked.state).toBe('requested');
    const heard = await cb.next('trade:requested');
    expect(heard.from).toEqual({ characterId: a.characterId, name: a.character.name });
    await ok(cb.command('trade:answer', { tradeId: heard.tradeId, accept: true }));
    expect((await ca.next('trade:update')).state).toBe('open');
    await ok(
      ca.command('trade:offer', { tradeId: heard.tradeId, items: [pistol!.itemId], eddies: 0 }),
    );
    const offered = await ok(
      cb.command('trade:offer', { tradeId: heard.tradeId, items: [], eddies: 50 }),
    );
    sim.clock.advance(TRADE_ACCEPT_DELAY_MS);
    await ok(ca.command('trade:accept', { tradeId: heard.tradeId, version: offered.version }));
    const done = await ok(
      cb.command('trade:accept', { tradeId: heard.tradeId, version: offered.version }),
    );
    expect(done.state).toBe('completed');
    // a hears it too, with its own view
    let last = await ca.next('trade:update');
    while (last.state !== 'completed') last = await ca.next('trade:update');
    expect(last.me).toBe('a');
    const item = await db.item.findUniqueOrThrow({ where: { id: pistol!.itemId } });
    expect([item.characterId, item.reservation]).toEqual([b.characterId, null]);
    expect((await db.character.findUniqueOrThrow({ where: { id: a.characterId } })).eddies).toBe(
      50,
    );
  });

  it('refuses a player out of range, one not here, and bad payloads', async () => {
    const { b, ca } = await pair(25);
    const far = await ca.command('trade:request', { name: b.character.name });
    expect(far).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await ca.command('trade:request', { name: 'Nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await ca.command('trade:offer', { tradeId: 'x', items: 'all', eddies: -1 }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('ends the trade when a side walks out of range, and when a side disconnects', async () => {
    const { a, b, ca, cb } = await pair();
    const t = await ok(ca.command('trade:request', { name: b.character.name }));
    await ok(cb.command('trade:answer', { tradeId: t.id, accept: true }));
    // b walks east, well past TRADE_RANGE_M: the watch ends it within its period
    const seq = { n: 0 };
    await walk(cb, 1, 60, seq);
    let seen = await ca.next('trade:update');
    while (seen.id !== t.id || seen.state === 'open') seen = await ca.next('trade:update');
    expect([seen.state, seen.closeReason]).toEqual(['cancelled', 'out_of_range']);

    // back together, a new trade; a's client goes: b hears it ended at once
    await walk(cb, -1, 60, seq);
    const t2 = await ok(cb.command('trade:request', { name: a.character.name }));
    await ok(ca.command('trade:answer', { tradeId: t2.id, accept: true }));
    ca.close();
    let ended = await cb.next('trade:update');
    while (ended.id !== t2.id || ended.state === 'open') ended = await cb.next('trade:update');
    expect([ended.state, ended.closeReason]).toEqual(['cancelled', 'disconnected']);
  });

  it('ends a request nobody answers, and a trade nobody touches, on the sim at once', async () => {
    const { a, b, ca, cb } = await pair();
    const asked = await ok(ca.command('trade:request', { name: b.character.name }));
    sim.clock.advance(TRADE_REQUEST_MS + 1);
    let lapsed = await ca.next('trade:update');
    while (lapsed.id !== asked.id) lapsed = await ca.next('trade:update');
    expect([lapsed.state, lapsed.closeReason]).toEqual(['cancelled', 'unanswered']);

    const t = await ok(cb.command('trade:request', { name: a.character.name }));
    await ok(ca.command('trade:answer', { tradeId: t.id, accept: true }));
    sim.clock.advance(TRADE_IDLE_MS + 1);
    let idle = await cb.next('trade:update');
    while (idle.id !== t.id || idle.state === 'open') idle = await cb.next('trade:update');
    expect([idle.state, idle.closeReason]).toEqual(['cancelled', 'idle']);
  });
});
