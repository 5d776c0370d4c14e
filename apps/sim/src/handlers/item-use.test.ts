import { describe, expect, it, vi } from 'vitest';
import { BAD_PAYLOAD_WINDOW_MS } from '@necp/shared';
import { checkInvariants, equipItem, grantItem } from '@necp/game';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { WAIT } from '../testing/eventually';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

/** An open spot away from Watson's areas, contacts and NPC lots. */
const SPOT = { x: 40, y: 110 };

async function playerWith(templateId: string, quantity: number, health = 110) {
  const p = await createPlayerAt(db, SPOT.x, SPOT.y);
  await db.character.update({ where: { id: p.characterId }, data: { health } });
  const [placed] = await grantItem(
    { db },
    { characterId: p.characterId, templateId, quantity, reason: 'admin' },
  );
  if (!placed) throw new Error('nothing granted');
  return { ...p, itemId: placed.itemId };
}

const quantityOf = async (itemId: string) =>
  (await db.item.findUnique({ where: { id: itemId } }))?.quantity ?? 0;
const usedEvents = (itemId: string) =>
  db.outboxEvent.findMany({
    where: { type: 'item.used', key: { startsWith: `item.used:${itemId}:` } },
  });
const balanced = async (p: { userId: string; characterId: string }) =>
  expect(await checkInvariants(db, { characterIds: [p.characterId], userIds: [p.userId] })).toEqual(
    [],
  );

describe('item:use', () => {
  it('heals the live character, takes one unit through the ledger and publishes item.used', async () => {
    const p = await playerWith('stim_basic', 2, 50);
    const { client, welcome } = await sim.join(p);
    expect(await client.next('char:stats')).toMatchObject({ health: 50 });
    sim.step();
    await client.sync();
    client.take('zone:snapshot');

    expect(await client.command('item:use', { itemId: p.itemId })).toEqual({
      ok: true,
      data: { templateId: 'stim_basic', healed: 40, cooldownMs: 10_000 },
    });
    // the weight changed: fresh stats, with the health the zone now simulates
    expect(await client.next('char:stats')).toMatchObject({ health: 90, maxHealth: 110 });
    expect(sim.watson.player(p.characterId)?.health).toBe(90);
    sim.step();
    const snap = await client.next('zone:snapshot');
    expect(snap.hp).toEqual([[welcome.self.eid, 90, 110]]);
    expect(snap.ev).toContainEqual(
      expect.objectContaining({ k: 'heal', src: welcome.self.eid, dst: welcome.self.eid, n: 40 }),
    );

    expect(await quantityOf(p.itemId)).toBe(1);
    const events = await usedEvents(p.itemId);
    expect(events.map((e) => e.payload)).toEqual([
      {
        characterId: p.characterId,
        itemId: p.itemId,
        templateId: 'stim_basic',
        zoneId: 'watson',
        x: SPOT.x,
        y: SPOT.y,
      },
    ]);
    await balanced(p);
  });

  it('caps the heal at the maximum and refuses the template while it cools down', async () => {
    const p = await playerWith('stim_basic', 3, 100);
    const { client } = await sim.join(p);
    expect(await client.command('item:use', { itemId: p.itemId })).toMatchObject({
      ok: true,
      data: { healed: 10 },
    });
    sim.clock.advance(6_500);
    expect(await client.command('item:use', { itemId: p.itemId })).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'That is not ready yet (4 s).' },
    });
    expect(await quantityOf(p.itemId)).toBe(2);
    sim.clock.advance(3_500);
    expect(await client.command('item:use', { itemId: p.itemId })).toMatchObject({ ok: true });
    expect(await quantityOf(p.itemId)).toBe(1);
    expect(await usedEvents(p.itemId)).toHaveLength(2);
    await balanced(p);
  });

  it('lets only one of two simultaneous uses through', async () => {
    const p = await playerWith('stim_basic', 5, 20);
    const { client } = await sim.join(p);
    const acks = await Promise.all([
      client.command('item:use', { itemId: p.itemId }),
      client.command('item:use', { itemId: p.itemId }),
    ]);
    expect(acks.filter((a) => a.ok)).toHaveLength(1);
    expect(acks.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await quantityOf(p.itemId)).toBe(4);
    expect(sim.watson.player(p.characterId)?.health).toBe(60);
  });

  it('refuses the dead', async () => {
    const p = await playerWith('stim_basic', 1, 0);
    const { client } = await sim.join(p);
    expect(await client.command('item:use', { itemId: p.itemId })).toEqual({
      ok: false,
      error: { code: 'DEAD', message: 'You are dead.' },
    });
    expect(await quantityOf(p.itemId)).toBe(1);
    expect(await usedEvents(p.itemId)).toEqual([]);
  });

  it("refuses someone else's, equipped, missing and unusable items, spending nothing", async () => {
    const p = await playerWith('scrap_metal', 2);
    const other = await playerWith('stim_basic', 1);
    const [knife] = await grantItem(
      { db },
      { characterId: p.characterId, templateId: 'knife_combat', quantity: 1, reason: 'admin' },
    );
    await equipItem({ db }, { characterId: p.characterId, itemId: knife?.itemId ?? '' });
    const { client } = await sim.join(p);
    const use = (itemId: string) => client.command('item:use', { itemId });
    expect(await use(other.itemId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await use('no-such-item')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const cannot = { ok: false, error: { code: 'INVALID_STATE', message: "You can't use that" } };
    expect(await use(knife?.itemId ?? '')).toEqual(cannot);
    expect(await use(p.itemId)).toEqual(cannot);
    expect(await quantityOf(other.itemId)).toBe(1);
    expect(await quantityOf(p.itemId)).toBe(2);
    expect(await usedEvents(other.itemId)).toEqual([]);
    await balanced(p);
    await balanced(other);
  });

  it('acks garbage with VALIDATION', async () => {
    const p = await playerWith('stim_basic', 1);
    const { client } = await sim.join(p);
    for (const bad of [null, 'x', {}, { itemId: 5 }, { itemId: '' }, { itemId: 'a'.repeat(65) }]) {
      expect(await client.command('item:use', bad)).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: expect.any(String) },
      });
    }
    sim.clock.advance(BAD_PAYLOAD_WINDOW_MS);
    expect(client.socket.connected).toBe(true);
    expect(await quantityOf(p.itemId)).toBe(1);
  });

  it('keeps the cooldown across a reconnect', async () => {
    const p = await playerWith('stim_basic', 2, 50);
    const first = await sim.join(p);
    expect(await first.client.command('item:use', { itemId: p.itemId })).toMatchObject({
      ok: true,
    });
    first.client.close();
    await vi.waitFor(() => expect(sim.watson.player(p.characterId)?.conn).toBeNull(), WAIT);
    const again = await sim.join(p);
    expect(await again.client.command('item:use', { itemId: p.itemId })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
  });
});
