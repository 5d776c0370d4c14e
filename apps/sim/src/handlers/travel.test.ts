import { describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import {
  INTERACT_RANGE,
  RECONNECT_GRACE_MS,
  TICK_MS,
  zoneById,
  type Ack,
  type TravelResult,
  type WelcomeMsg,
} from '@necp/shared';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import type { TestClient } from '../testing/test-client';
import type { Player } from '../zone/player';
import type { Zone } from '../zone/zone';
import { ACTION_LIMIT } from '../session/connect';
import { WAIT } from '../testing/eventually';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

function station(zoneId: string) {
  const s = zoneById(zoneId)?.spawnPoints.find((p) => p.kind === 'metro_station');
  if (!s) throw new Error(`${zoneId} has no metro station`);
  return s;
}
const WATSON_METRO = station('watson');
const WESTBROOK_METRO = station('westbrook');

const zone = (id: string): Zone => {
  const z = sim.server.zones.get(id);
  if (!z) throw new Error(`zone ${id} not served`);
  return z;
};

/** A character standing at Watson's metro station. */
const atWatsonMetro = () => createPlayerAt(db, WATSON_METRO.x + 1, WATSON_METRO.y);

const travel = (c: TestClient, payload: unknown) => c.command('zone:travel', payload);

describe('zone:travel', () => {
  it("rides from Watson's station to Westbrook's: ack, then a welcome; saved there at once", async () => {
    const p = await atWatsonMetro();
    await db.character.update({ where: { id: p.characterId }, data: { health: 70 } });
    const watcher = await sim.join(await createPlayerAt(db, WATSON_METRO.x + 6, WATSON_METRO.y));
    const { client, welcome: first } = await sim.join(p);
    sim.step();
    await watcher.client.sync();
    watcher.client.take('zone:snapshot');

    // the ack comes before the new welcome (both recorded in arrival order)
    const order: string[] = [];
    const raw = client.socket as unknown as Socket;
    raw.on('zone:welcome', () => order.push('welcome'));
    const ack = await new Promise<Ack<TravelResult>>((resolve) => {
      raw.emit('zone:travel', { to: 'westbrook' }, (res: Ack<TravelResult>) => {
        order.push('ack');
        resolve(res);
      });
    });
    expect(ack).toEqual({ ok: true, data: { zoneId: 'westbrook', zoneName: 'Westbrook' } });
    const welcome: WelcomeMsg = await client.next('zone:welcome');
    expect(order).toEqual(['ack', 'welcome']);
    expect(welcome).toMatchObject({
      zone: { id: 'westbrook', name: 'Westbrook' },
      resumed: false,
      self: {
        characterId: p.characterId,
        x: WESTBROOK_METRO.x * 100,
        y: WESTBROOK_METRO.y * 100,
        health: 70,
        maxHealth: 110,
      },
    });
    expect(welcome.self.eid).not.toBe(first.self.eid);

    // out of Watson (watchers see it leave), into Westbrook
    expect(sim.watson.player(p.characterId)).toBeUndefined();
    expect(zone('westbrook').player(p.characterId)?.conn).not.toBeNull();
    // a watcher's next frame is due within SNAPSHOT_EVERY_TICKS
    sim.step(2);
    await watcher.client.sync();
    expect(watcher.client.take('zone:snapshot').flatMap((s) => s.del)).toEqual([first.self.eid]);
    await vi.waitFor(async () => {
      const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
      expect(row).toMatchObject({
        zoneId: 'westbrook',
        x: WESTBROOK_METRO.x,
        y: WESTBROOK_METRO.y,
      });
    }, WAIT);

    // every handler now acts in Westbrook on the same connection
    await client.sync();
    client.take('zone:snapshot');
    await client.move({ seq: welcome.lastSeq + 1, dx: 1, dy: 0, ms: TICK_MS });
    sim.step();
    const snap = await client.next('zone:snapshot');
    expect(snap.me[0]).toBeGreaterThan(WESTBROOK_METRO.x * 100);
    client.take('char:stats');
    sim.server.pushes([{ kind: 'stats', character: p.characterId }]);
    expect(await client.next('char:stats')).toMatchObject({ health: 70 });

    // arriving inside an area counts as entering it (Japantown Gate surrounds the station)
    const around = (zoneById('westbrook')?.areas ?? []).filter(
      (a) => Math.hypot(a.x - WESTBROOK_METRO.x, a.y - WESTBROOK_METRO.y) <= a.radius,
    );
    expect(around.length).toBeGreaterThan(0);
    expect(client.take('zone:area')).toEqual(around.map((a) => ({ areaId: a.id, name: a.name })));
    await vi.waitFor(async () => {
      const entered = await db.outboxEvent.findMany({
        where: { type: 'area.entered', key: { startsWith: `area.entered:${p.characterId}:` } },
      });
      expect(entered.map((e) => e.payload)).toEqual(
        around.map((a) => ({ characterId: p.characterId, zoneId: 'westbrook', areaId: a.id })),
      );
    }, WAIT);
  });

  it('rides back and forth, keeping the ability cooldowns it had', async () => {
    const p = await atWatsonMetro();
    const { client } = await sim.join(p);
    const me = sim.watson.player(p.characterId) as Player;
    me.combat.cooldowns.set('solo_power_shot', sim.clock.ms() + 60_000);
    expect(await travel(client, { to: 'westbrook' })).toMatchObject({ ok: true });
    await client.next('zone:welcome');
    expect(await travel(client, { to: 'watson' })).toMatchObject({
      ok: true,
      data: { zoneId: 'watson', zoneName: 'Watson' },
    });
    const back = await client.next('zone:welcome');
    expect(back).toMatchObject({
      zone: { id: 'watson' },
      self: { x: WATSON_METRO.x * 100, y: WATSON_METRO.y * 100 },
    });
    expect(sim.watson.player(p.characterId)?.combat.cooldowns.get('solo_power_shot')).toBe(
      sim.clock.ms() + 60_000,
    );
    expect(zone('westbrook').player(p.characterId)).toBeUndefined();
  });

  it('refuses away from a station, the same district, nowhere and garbage — and nothing moves', async () => {
    const p = await createPlayerAt(db, WATSON_METRO.x + INTERACT_RANGE + 1, WATSON_METRO.y);
    const { client } = await sim.join(p);
    expect(await travel(client, { to: 'westbrook' })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'You need to be at a metro station.' },
    });
    const q = await atWatsonMetro();
    const { client: c2 } = await sim.join(q);
    expect(await travel(c2, { to: 'watson' })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'You are already in Watson.' },
    });
    expect(await travel(c2, { to: 'atlantis' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No metro line goes there.' },
    });
    for (const bad of [
      null,
      {},
      { to: 7 },
      { to: '' },
      { to: 'West Brook' },
      { to: 'x'.repeat(33) },
    ])
      expect(await travel(c2, bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(sim.watson.player(p.characterId)).toBeDefined();
    expect(sim.watson.player(q.characterId)).toBeDefined();
    expect(c2.pending('zone:welcome')).toBe(0);
  });

  it('refuses in combat and when dead', async () => {
    const p = await atWatsonMetro();
    const { client } = await sim.join(p);
    // as if it had just been hit: within OUT_OF_COMBAT_MS of the last damage
    (sim.watson.player(p.characterId) as Player).combat.lastCombatAt = sim.clock.ms();
    expect(await travel(client, { to: 'westbrook' })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: "You can't ride the metro in combat." },
    });

    const dead = await atWatsonMetro();
    await db.character.update({ where: { id: dead.characterId }, data: { health: 0 } });
    const { client: ghost } = await sim.join(dead);
    expect(await travel(ghost, { to: 'westbrook' })).toEqual({
      ok: false,
      error: { code: 'DEAD', message: 'You are dead.' },
    });
    expect(sim.watson.player(p.characterId)).toBeDefined();
    expect(sim.watson.player(dead.characterId)).toBeDefined();
  });

  it(`shares the action budget (${ACTION_LIMIT.limit} per window)`, async () => {
    const p = await createPlayerAt(db, 40, 110);
    const { client } = await sim.join(p);
    const acks = await Promise.all(
      Array.from({ length: ACTION_LIMIT.limit + 1 }, () => travel(client, { to: 'westbrook' })),
    );
    expect(acks.filter((a) => !a.ok && a.error.code === 'INVALID_STATE')).toHaveLength(
      ACTION_LIMIT.limit,
    );
    expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('a dropped client reconnects into the district it rode to; after the window it is saved there', async () => {
    const p = await atWatsonMetro();
    const first = await sim.join(p);
    expect(await travel(first.client, { to: 'westbrook' })).toMatchObject({ ok: true });
    const arrived = await first.client.next('zone:welcome');
    first.client.close();
    await vi.waitFor(() => expect(zone('westbrook').player(p.characterId)?.conn).toBeNull(), WAIT);
    expect(zone('westbrook').player(p.characterId)?.droppedAt).not.toBeNull();

    const again = await sim.join(p);
    expect(again.welcome).toMatchObject({
      zone: { id: 'westbrook' },
      resumed: true,
      self: { eid: arrived.self.eid },
    });
    // and a takeover follows it there too
    const third = await sim.join(p);
    expect((await again.client.next('session:kicked')).reason).toBe('takeover');
    expect(third.welcome).toMatchObject({ zone: { id: 'westbrook' }, resumed: true });
    third.client.close();
    await vi.waitFor(() => expect(zone('westbrook').player(p.characterId)?.conn).toBeNull(), WAIT);
    sim.clock.advance(RECONNECT_GRACE_MS);
    sim.step();
    expect(zone('westbrook').player(p.characterId)).toBeUndefined();
    await vi.waitFor(async () => {
      const row = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
      expect(row.zoneId).toBe('westbrook');
    }, WAIT);
    const later = await sim.join(p);
    expect(later.welcome).toMatchObject({ zone: { id: 'westbrook' }, resumed: false });
  });
});

describe('rewards of a fight in the district left behind', () => {
  it('reach the character in the district it rode to (XP, level-up stats)', async () => {
    const p = await atWatsonMetro();
    const { client } = await sim.join(p);
    expect(await travel(client, { to: 'westbrook' })).toMatchObject({ ok: true });
    await client.next('zone:welcome');
    await client.sync();
    client.take('char:stats');
    const npc = [...sim.watson.npcs.npcs()][0];
    if (!npc) throw new Error('watson has no NPCs');
    // an award that lands after the ride (e.g. a retry): Watson's sink pays it out
    const res = await sim.server.combat.get('watson')?.rewards.award({
      zoneId: 'watson',
      killKey: `late-award-${p.characterId}`,
      npc: {
        templateId: npc.template.id,
        name: npc.template.name,
        level: 12,
        rank: 'elite',
        lootTable: npc.template.lootTable,
        x: npc.x,
        y: npc.y,
      },
      contributors: [{ characterId: p.characterId, damage: 100 }],
    });
    expect(res?.rewards).toHaveLength(1);
    expect(await client.next('progress:xp')).toMatchObject({ source: npc.template.name });
    // an elite far above level 1 levels it up: the new stats land in Westbrook
    expect(res?.rewards[0]?.xp.levelsGained).toBeGreaterThan(0);
    const stats = await client.next('char:stats');
    expect(stats.level).toBe(res?.rewards[0]?.xp.level);
    expect(zone('westbrook').player(p.characterId)?.level).toBe(stats.level);
  });
});

describe('zone:travel to a district this process does not serve', () => {
  it('is NOT_FOUND', async () => {
    const partial = await bootTestSim(db, { zoneIds: ['watson', 'westbrook'] });
    try {
      const { client } = await partial.join(await atWatsonMetro());
      expect(await travel(client, { to: 'city-center' })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'No metro line goes there.' },
      });
      expect(await travel(client, { to: 'westbrook' })).toMatchObject({ ok: true });
    } finally {
      await partial.close();
    }
  });
});
