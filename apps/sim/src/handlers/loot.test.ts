import { describe, expect, it } from 'vitest';
import { DROP_OWNER_MS, TICK_MS, zoneById } from '@necp/shared';
import { createLootDrop } from '@necp/game';
import { crateEid, crateSpawn, seen } from '../testing/loot-kit';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import type { TestClient } from '../testing/test-client';
import { CRATE_COOLDOWN_MS } from '../loot/crate-cooldowns';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

const ALLEY = crateSpawn('watson-crate-alley');
const DOCKS = crateSpawn('watson-crate-docks');
const MARKET = crateSpawn('watson-crate-market');

/** Opens the crate in view until it gives at least one drop (a roll may come up empty). */
async function openUntilDrop(client: TestClient, eid: number) {
  for (let i = 0; i < 10; i++) {
    const res = await client.command('crate:open', { eid });
    if (!res.ok) throw new Error(`crate:open failed: ${res.error.code} ${res.error.message}`);
    if (res.data.drops.length > 0) return res.data;
    sim.clock.advance(CRATE_COOLDOWN_MS);
  }
  throw new Error('the crate kept rolling nothing');
}

async function walk(client: TestClient, dx: number, dy: number, ticks: number, seq = { n: 0 }) {
  for (let i = 0; i < ticks; i++) {
    await client.move({ seq: ++seq.n, dx, dy, ms: TICK_MS });
    sim.step();
  }
  await client.sync();
}

describe('crate:open and loot:pickup', () => {
  it('a crate opened in range makes drops the opener sees and picks up into the bag', async () => {
    const p = await createPlayerAt(db, ALLEY.x + 1.5, ALLEY.y);
    const { client } = await sim.join(p);
    const eid = await crateEid(sim, client);

    const loot = await openUntilDrop(client, eid);
    const openedAt = sim.clock.ms();
    const views = await seen(sim, client);
    for (const d of loot.drops) {
      expect(views.find((e) => e.eid === d.eid)).toMatchObject({
        kind: 'drop',
        item: d.item,
        ownerCharacterId: p.characterId,
        freeAt: openedAt + DROP_OWNER_MS,
      });
    }

    const [first] = loot.drops;
    if (!first) throw new Error('no drop');
    const picked = await client.command('loot:pickup', { eid: first.eid });
    expect(picked).toEqual({ ok: true, data: { item: first.item } });
    expect(await client.next('char:stats')).toMatchObject({ level: 1 });

    const bag = await db.item.findMany({ where: { characterId: p.characterId, container: 'BAG' } });
    expect(bag.find((i) => i.templateId === first.item.templateId)?.quantity).toBe(
      first.item.quantity,
    );
    sim.step();
    await client.sync();
    expect(client.take('zone:snapshot').flatMap((s) => s.del)).toContain(first.eid);

    // picked up already: gone
    expect(await client.command('loot:pickup', { eid: first.eid })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a crate and a drop out of range, and a crate the character just emptied', async () => {
    const p = await createPlayerAt(db, DOCKS.x + 1, DOCKS.y);
    const { client } = await sim.join(p);
    const eid = await crateEid(sim, client);
    const loot = await openUntilDrop(client, eid);
    expect(await client.command('crate:open', { eid })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });

    const seq = { n: 0 };
    await walk(client, 1, 0, 30, seq); // 9 m east
    expect(await client.command('crate:open', { eid })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: expect.stringContaining('Too far') },
    });
    const [first] = loot.drops;
    if (!first) throw new Error('no drop');
    expect(await client.command('loot:pickup', { eid: first.eid })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const ids = loot.drops.map((d) => sim.watson.dropByEid(d.eid)?.id ?? '');
    expect(await db.worldDrop.count({ where: { id: { in: ids } } })).toBe(ids.length);

    // a crate is not a drop, a drop is not a crate, and unknown eids are nothing
    await walk(client, -1, 0, 30, seq);
    expect(await client.command('loot:pickup', { eid })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await client.command('crate:open', { eid: first.eid })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await client.command('loot:pickup', { eid: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    sim.clock.advance(CRATE_COOLDOWN_MS);
    expect(await client.command('crate:open', { eid })).toMatchObject({ ok: true });
  });

  it('another player cannot pick up before freeAt, but can after', async () => {
    const owner = await createPlayerAt(db, MARKET.x + 1, MARKET.y);
    const other = await createPlayerAt(db, MARKET.x, MARKET.y + 1);
    const a = (await sim.join(owner)).client;
    const b = (await sim.join(other)).client;
    const loot = await openUntilDrop(a, await crateEid(sim, a));
    const [first] = loot.drops;
    if (!first) throw new Error('no drop');

    const seenByB = await seen(sim, b);
    // the description says whose it is and from when anyone may take it
    const view = seenByB.find((e) => e.eid === first.eid);
    expect(view).toMatchObject({
      ownerCharacterId: owner.characterId,
      ownerName: owner.character.name,
    });
    expect(view!.freeAt).toBeGreaterThan(sim.clock.ms() + DROP_OWNER_MS - 1_000);
    // the refusal names the owner and the time left
    const back = view!.freeAt! - 23_000 - sim.clock.ms();
    sim.clock.advance(back);
    expect(await b.command('loot:pickup', { eid: first.eid })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `Reserved for ${owner.character.name} — free in 23 s.`,
      },
    });
    sim.clock.advance(-back);

    sim.clock.advance(DROP_OWNER_MS);
    expect(await b.command('loot:pickup', { eid: first.eid })).toEqual({
      ok: true,
      data: { item: first.item },
    });
    const held = await db.item.findMany({
      where: { characterId: other.characterId, templateId: first.item.templateId },
    });
    expect(held.reduce((s, i) => s + i.quantity, 0)).toBe(first.item.quantity);
    expect(await a.command('loot:pickup', { eid: first.eid })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('drops survive a sim restart', async () => {
    const p = await createPlayerAt(db, ALLEY.x - 1.5, ALLEY.y);
    const first = await sim.join(p);
    const loot = await openUntilDrop(first.client, await crateEid(sim, first.client));
    const before = loot.drops.map((d) => sim.watson.dropByEid(d.eid));
    await sim.close();

    sim = await bootTestSim(db);
    const again = await sim.join(p);
    // every boot's RNG starts from the same seed, so match drops by their database id
    const shown = new Map(
      (await seen(sim, again.client))
        .filter((e) => e.kind === 'drop')
        .map((e) => [sim.watson.dropByEid(e.eid)?.id, e]),
    );
    for (const d of before) {
      expect(shown.get(d?.id)).toMatchObject({
        x: Math.round((d?.x ?? 0) * 100),
        y: Math.round((d?.y ?? 0) * 100),
        item: { templateId: d?.templateId, quantity: d?.quantity, rarity: d?.rarity },
        ownerCharacterId: p.characterId,
      });
    }
  });
});

describe('quest-only crate loot', () => {
  const CONTAINER = crateSpawn('watson-crate-container');

  async function openContainer(withQuest: boolean) {
    const p = await createPlayerAt(db, CONTAINER.x + 1.5, CONTAINER.y);
    if (withQuest)
      await db.characterQuest.create({
        data: {
          characterId: p.characterId,
          questId: 'q_lost_shipment',
          periodKey: 'once',
          state: 'active',
          acceptedAt: sim.clock.now(),
        },
      });
    const { client } = await sim.join(p);
    const eid = await crateEid(sim, client);
    const res = await client.command('crate:open', { eid });
    if (!res.ok) throw new Error(`crate:open failed: ${res.error.code}`);
    return res.data.drops.map((d) => d.item.templateId);
  }

  it('gives the shipping manifest only to an opener with Lost Shipment active', async () => {
    expect(await openContainer(true)).toContain('junk_shipping_manifest');
    expect(await openContainer(false)).not.toContain('junk_shipping_manifest');
  });

  it("a party's loot: a member who is not the owner picks it up, an outsider is told whose it is", async () => {
    const owner = await createPlayerAt(db, MARKET.x + 1, MARKET.y);
    const mate = await createPlayerAt(db, MARKET.x, MARKET.y + 1);
    const stranger = await createPlayerAt(db, MARKET.x + 1, MARKET.y + 1);
    const a = (await sim.join(owner)).client;
    const b = (await sim.join(mate)).client;
    const c = (await sim.join(stranger)).client;
    await a.command('party:invite', { name: mate.character.name });
    const inv = await b.next('party:invited');
    expect(await b.command('party:accept', { inviteId: inv.inviteId })).toMatchObject({ ok: true });
    const party = await db.partyMember.findUniqueOrThrow({
      where: { characterId: owner.characterId },
    });
    // a free-for-all party kill's drops: owned by the top damage dealer, shared by the party
    const tableId = zoneById('watson')!.spawnPoints.find(
      (p) => p.id === 'watson-crate-market',
    )!.lootTable!;
    const partyDrop = () =>
      createLootDrop(sim.deps, {
        zoneId: 'watson',
        x: MARKET.x,
        y: MARKET.y,
        tableId,
        level: 1,
        ownerCharacterId: owner.characterId,
        party: {
          partyId: party.partyId,
          mode: 'free_for_all',
          threshold: 'uncommon',
          leaderId: owner.characterId,
          sharers: [owner.characterId, mate.characterId].sort(),
        },
      });
    let drop = (await partyDrop()).drops[0];
    for (let i = 0; i < 20 && !drop; i++) drop = (await partyDrop()).drops[0];
    if (!drop) throw new Error('no drop');
    expect(drop.partyId).toBe(party.partyId);
    sim.watson.submit({ k: 'drop_add', drop });
    const view = (await seen(sim, c)).find((e) => e.kind === 'drop' && e.partyId === party.partyId);
    expect(view).toMatchObject({ ownerName: owner.character.name, freeAt: drop.freeAt });
    const eid = view!.eid;
    const dropId = sim.watson.dropByEid(eid)!.id;

    expect(await c.command('loot:pickup', { eid })).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: `Reserved for ${owner.character.name}'s party — free in 60 s.`,
      },
    });
    expect(await b.command('loot:pickup', { eid })).toMatchObject({ ok: true });
    expect(await db.worldDrop.count({ where: { id: dropId } })).toBe(0);
  });
});
