import { describe, expect, it, vi } from 'vitest';
import {
  BAD_PAYLOAD_WINDOW_MS,
  BANK_RANGE,
  BASE_MOVE_SPEED,
  DROP_OWNER_MS,
  TICK_MS,
  encumbrance,
  toCm,
  zoneById,
  type ClientToServerEvents,
} from '@necp/shared';
import { grantItem } from '@necp/game';
import { seen } from '../testing/loot-kit';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { WAIT } from '../testing/eventually';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

const give = (characterId: string, templateId: string, quantity: number) =>
  grantItem({ db }, { characterId, templateId, quantity, reason: 'admin' });

describe('inventory:drop', () => {
  it('drops part of a stack at the feet, shown to the dropper, who can pick it up again', async () => {
    const p = await createPlayerAt(db, 60, 460);
    const [placed] = await give(p.characterId, 'scrap_metal', 10);
    const { client } = await sim.join(p);
    expect(await client.next('char:stats')).toMatchObject({ weight: 2 });

    // the drop is made at the sim clock's time (commands apply at once here; nothing steps)
    const droppedAt = sim.clock.ms();
    const res = await client.command('inventory:drop', { itemId: placed?.itemId, quantity: 4 });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.drop.item).toEqual({
      templateId: 'scrap_metal',
      quantity: 4,
      rarity: 'common',
    });
    expect(await client.next('char:stats')).toMatchObject({ weight: 1.2 });
    expect((await seen(sim, client)).find((e) => e.eid === res.data.drop.eid)).toMatchObject({
      kind: 'drop',
      x: 6000,
      y: 46000,
      ownerCharacterId: p.characterId,
      freeAt: droppedAt + DROP_OWNER_MS,
    });
    expect(
      (await db.item.findUniqueOrThrow({ where: { id: placed?.itemId ?? '' } })).quantity,
    ).toBe(6);

    expect(await client.command('loot:pickup', { eid: res.data.drop.eid })).toMatchObject({
      ok: true,
    });
    const bag = await db.item.findMany({ where: { characterId: p.characterId } });
    expect(bag.map((i) => [i.templateId, i.quantity])).toEqual([['scrap_metal', 10]]);
  });

  it('refuses a bound item and an item that is not yours', async () => {
    const p = await createPlayerAt(db, 60, 460);
    const other = await createPlayerAt(db, 60, 460);
    const [pistol] = await give(p.characterId, 'pistol_unity', 1);
    const [theirs] = await give(other.characterId, 'scrap_metal', 1);
    await db.item.update({
      where: { id: pistol?.itemId ?? '' },
      data: { boundCharacterId: p.characterId },
    });
    const { client } = await sim.join(p);
    expect(await client.command('inventory:drop', { itemId: pistol?.itemId })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_STATE',
        message: 'Bound items cannot be dropped. Destroy it instead.',
      },
    });
    expect(await client.command('inventory:drop', { itemId: theirs?.itemId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await db.worldDrop.count({ where: { ownerCharacterId: p.characterId } })).toBe(0);
    expect(
      (await db.item.findUniqueOrThrow({ where: { id: pistol?.itemId ?? '' } })).container,
    ).toBe('BAG');
  });
});

describe('char:stats', () => {
  it('sends stats at connect; overweight slows the character once the stats change lands', async () => {
    const p = await createPlayerAt(db, 450, 300);
    const { client, welcome } = await sim.join(p);
    const atConnect = await client.next('char:stats');
    expect(atConnect).toMatchObject({
      speed: BASE_MOVE_SPEED,
      level: 1,
      health: 110,
      maxHealth: 110,
    });
    expect(welcome.self.speed).toBe(BASE_MOVE_SPEED);

    await give(p.characterId, 'scrap_metal', 99 * 5); // 99 kg
    // what the sim does when a character.stats_changed event reaches it (a stats push)
    sim.server.pushes([{ kind: 'stats', character: p.characterId }]);
    const stats = await client.next('char:stats');
    expect(stats.weight).toBe(99);
    expect(stats.weight).toBeGreaterThan(stats.carryWeight);
    expect(stats.speed).toBeLessThan(BASE_MOVE_SPEED);
    expect(stats.speed).toBeCloseTo(
      BASE_MOVE_SPEED * encumbrance(stats.weight, stats.carryWeight),
      2,
    );

    await client.move({ seq: 1, dx: 1, dy: 0, ms: 50 });
    sim.step();
    const snap = await client.next('zone:snapshot');
    expect(snap.me[0]).toBe(toCm(450 + stats.speed * 0.05));
  });

  it('char:refresh is gone: the client cannot ask, it is refused as an unknown event', async () => {
    const p = await createPlayerAt(db, 450, 300);
    const { client } = await sim.join(p);
    await client.next('char:stats');
    const raw = client.socket as unknown as {
      timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> };
    };
    expect(await raw.timeout(3000).emitWithAck('char:refresh', {})).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'unknown event char:refresh' },
    });
    await client.sync();
    expect(client.pending('char:stats')).toBe(0);
  });
});

describe('admin:loot', () => {
  it('refuses players', async () => {
    const p = await createPlayerAt(db, 460, 60);
    const { client } = await sim.join(p);
    expect(await client.command('admin:loot', { tableId: 'crate_watson_common' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Admins only.' },
    });
    expect(await db.ledgerEntry.count({ where: { characterId: p.characterId } })).toBe(0);
  });

  it("rolls a table into drops at the admin's feet, with ledger source admin", async () => {
    const p = await createPlayerAt(db, 460, 60);
    const { client } = await sim.join(p, { role: 'ADMIN' });
    expect(await client.command('admin:loot', { tableId: 'no_such_table' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    let drops: { eid: number }[] = [];
    for (let i = 0; i < 10 && drops.length === 0; i++) {
      const res = await client.command('admin:loot', { tableId: 'crate_watson_common' });
      if (!res.ok) throw new Error(res.error.message);
      drops = res.data.drops;
    }
    for (const d of drops) {
      const e = sim.watson.dropByEid(d.eid);
      expect(Math.hypot((e?.x ?? 0) - 460, (e?.y ?? 0) - 60)).toBeLessThanOrEqual(1.5);
      const rows = await db.ledgerEntry.findMany({ where: { itemId: e?.itemId ?? '' } });
      expect(rows).toEqual([
        expect.objectContaining({
          reason: 'admin',
          fromOwner: 'source:admin',
          toOwner: 'ground:watson',
        }),
      ]);
    }
  });
});

describe('bank proximity', () => {
  it('writes the position to the database at once when entering BANK_RANGE of a terminal', async () => {
    const bank = zoneById('watson')?.spawnPoints.find((s) => s.kind === 'bank_terminal');
    if (!bank) throw new Error('no bank');
    const p = await createPlayerAt(db, bank.x, bank.y + BANK_RANGE + 1.4);
    const { client } = await sim.join(p);
    for (let seq = 1; seq <= 5; seq++) {
      await client.move({ seq, dx: 0, dy: -1, ms: TICK_MS });
      sim.step();
    }
    await vi.waitFor(async () => {
      const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
      expect(Math.hypot(row.x - bank.x, row.y - bank.y)).toBeLessThanOrEqual(BANK_RANGE);
    }, WAIT);
  });
});

describe('garbage payloads for item events', () => {
  const GARBAGE: [keyof ClientToServerEvents, unknown[]][] = [
    [
      'loot:pickup',
      ['x', 42, null, [], {}, { eid: 'a' }, { eid: -1 }, { eid: 1.5 }, { eid: 2 ** 40 }],
    ],
    ['crate:open', ['x', null, {}, { eid: '1' }, { eid: 0 }]],
    [
      'inventory:drop',
      [
        null,
        {},
        { itemId: 5 },
        { itemId: '' },
        { itemId: 'a'.repeat(65) },
        { itemId: 'x', quantity: 0 },
        { itemId: 'x', quantity: 1.5 },
        { itemId: 'x', quantity: '2' },
      ],
    ],
    [
      'admin:loot',
      [null, {}, { tableId: 7 }, { tableId: 'DROP TABLE' }, { tableId: 'a'.repeat(65) }],
    ],
  ];

  it('acks each with VALIDATION and keeps the socket', async () => {
    const p = await createPlayerAt(db);
    const { client } = await sim.join(p, { role: 'ADMIN' });
    for (const [event, payloads] of GARBAGE) {
      for (const payload of payloads) {
        const ack = await client.command(event, payload);
        expect(ack, `${event} ${JSON.stringify(payload)}`).toEqual({
          ok: false,
          error: { code: 'VALIDATION', message: expect.any(String) },
        });
      }
      sim.clock.advance(BAD_PAYLOAD_WINDOW_MS); // stay under the bad payload kick
    }
    expect(client.socket.connected).toBe(true);
    expect(await db.ledgerEntry.count({ where: { characterId: p.characterId } })).toBe(0);
  });
});
