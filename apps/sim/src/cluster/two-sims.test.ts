/**
 * Two REAL sim processes (apps/sim/src/main.ts as child processes) on one Redis and
 * a PostgreSQL database of their own: a metro ride from a zone of sim A to a zone
 * of sim B hands the player over; then sim A is killed with SIGKILL right after a
 * player looted, B takes its zone over and the player, reconnecting with a fresh
 * ticket like the web client does, finds everything it had — nothing duplicated,
 * the item/currency ledger balanced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createDb, type Db } from '@necp/db';
import { createTestDatabase, type TestDatabase } from '@necp/db/testing';
import { checkInvariants, createRedis, signSimTicket, simUrlForZone } from '@necp/game';
import {
  metroStations,
  toCm,
  zoneById,
  type ConnectErrorData,
  type DropRef,
  type EntityInfo,
  type LootResult,
} from '@necp/shared';
import { connectClient, type TestClient } from '../testing/test-client';
import { TEST_TICKET_SECRET, createPlayerAt } from '../testing/test-sim';

const simDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `h1t${randomBytes(3).toString('hex')}`;

let testDb: TestDatabase;
let db: Db;
let redis: Redis;
const sims: ChildProcess[] = [];
const clients: TestClient[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function until<T>(what: string, get: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Sim {
  port: number;
  url: string;
  proc: ChildProcess;
}

/** One sim process, as `pnpm --filter @necp/sim start` runs it (tsx's loader in one node process). */
async function startSim(zones: string): Promise<Sim> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: simDir,
    env: {
      ...process.env,
      DATABASE_URL: testDb.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      SIM_TICKET_SECRET: TEST_TICKET_SECRET,
      SIM_PORT: String(port),
      SIM_PUBLIC_URL: url,
      SIM_ZONES: zones,
      SIM_NPCS: 'off',
      OUTBOX_WORKER: 'off',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  sims.push(proc);
  return { port, url, proc };
}

/** Which zones a sim holds the lease of (its GET /health). */
async function leasesOf(sim: Sim): Promise<string[]> {
  const res = await fetch(`${sim.url}/health`);
  const body = (await res.json()) as { cluster?: { leases: { zoneId: string }[] } };
  return (body.cluster?.leases ?? []).map((l) => l.zoneId);
}

/** What the web's character.enter does: a ticket, for the URL of the process owning the zone. */
async function enter(p: { userId: string; characterId: string }) {
  const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
  const simUrl = await simUrlForZone(
    { redis, config: { simTicketSecret: TEST_TICKET_SECRET, simPublicUrl: '' } },
    c.zoneId,
  );
  const { ticket } = await signSimTicket(
    TEST_TICKET_SECRET,
    { userId: p.userId, characterId: p.characterId, role: 'PLAYER', sessionVersion: 0 },
    Date.now(),
  );
  return { simUrl, ticket };
}

/** the web client's patience with "come back in a moment" refusals (game-client.ts) */
const BUSY_RETRIES = 8;

/**
 * Into the game the way the web client gets there: a ticket naming the process that
 * owns the character's zone (expected: `simUrl`), then a connection to it. Refused
 * UNAVAILABLE — the process is too busy to admit anyone (a loaded test machine), or
 * still opening the zone it just took over — it tries again shortly with a new ticket.
 */
async function join(p: { userId: string; characterId: string }, simUrl: string) {
  for (let attempt = 1; ; attempt++) {
    const t = await enter(p);
    expect(t.simUrl).toBe(simUrl);
    try {
      const res = await connectClient(Number(new URL(t.simUrl).port), { ticket: t.ticket });
      clients.push(res.client);
      return res;
    } catch (err) {
      const code = (err as { data?: ConnectErrorData }).data?.code;
      if (code !== 'UNAVAILABLE' || attempt >= BUSY_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
}

let a: Sim;
let b: Sim;

beforeAll(async () => {
  testDb = await createTestDatabase(`necp_test_h1_two_sims_${process.pid}`);
  db = createDb(testDb.url, { max: 3 });
  redis = createRedis(REDIS_URL, prefix);
  // A first, so it holds Watson; B runs Westbrook and stands by for Watson
  a = await startSim('watson');
  await until('A owns watson', async () =>
    (await leasesOf(a)).includes('watson') ? true : undefined,
  );
  b = await startSim('westbrook,watson');
  await until('B owns westbrook', async () =>
    (await leasesOf(b)).includes('westbrook') ? true : undefined,
  );
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const p of sims) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
  await Promise.all(
    sims.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.exitCode !== null || p.signalCode !== null) return resolve();
          const t = setTimeout(() => p.kill('SIGKILL'), 10_000);
          p.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        }),
    ),
  );
  redis?.disconnect();
  await db?.$disconnect();
  await testDb?.drop();
}, 60_000);

describe('two sim processes on Redis and PostgreSQL', () => {
  it('a metro ride from a zone of A to a zone of B hands the player over to B', async () => {
    const watsonMetro = metroStations(zoneById('watson')!.spawnPoints)[0]!;
    const westbrookMetro = metroStations(zoneById('westbrook')!.spawnPoints)[0]!;
    const p = await createPlayerAt(db, watsonMetro.x, watsonMetro.y);
    const onA = await join(p, a.url);
    expect(onA.welcome.zone.id).toBe('watson');

    const ride = await onA.client.command('zone:travel', { to: 'westbrook' });
    expect(ride).toEqual({
      ok: true,
      data: { zoneId: 'westbrook', zoneName: 'Westbrook', simUrl: b.url },
    });
    // saved at Westbrook's station before the ack: the next ticket names B
    expect(await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).toMatchObject({
      zoneId: 'westbrook',
      x: westbrookMetro.x,
      y: westbrookMetro.y,
    });
    const onB = await join(p, b.url);
    expect(onB.welcome.zone.id).toBe('westbrook');
    // (the welcome speaks centimetres)
    expect(onB.welcome.self).toMatchObject({
      x: toCm(westbrookMetro.x),
      y: toCm(westbrookMetro.y),
    });
    // A closes the old connection by itself
    await onA.client.next('disconnect', 10_000);
  }, 60_000);

  it('kill -9 of A right after a loot: B takes Watson over, the player reconnects there and nothing is lost or duplicated', async () => {
    const p = await createPlayerAt(db);
    await db.user.update({ where: { id: p.userId }, data: { role: 'ADMIN' } });
    const { client } = await join(p, a.url);

    // drops at the player's feet (ledger source `admin`), then one picked up
    let drops: DropRef[] = [];
    for (let i = 0; i < 15 && drops.length < 2; i++) {
      const res = await client.command('admin:loot', { tableId: 'crate_watson_common' });
      if (res.ok) drops = [...drops, ...(res.data as LootResult).drops];
    }
    expect(drops.length).toBeGreaterThanOrEqual(2);
    const picked = await client.command('loot:pickup', { eid: drops[0]!.eid });
    expect(picked.ok).toBe(true);
    const before = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    const bagBefore = await db.item.findMany({ where: { characterId: p.characterId } });
    const groundBefore = await db.worldDrop.count({ where: { zoneId: 'watson' } });

    a.proc.kill('SIGKILL');
    const killedAt = Date.now();
    await client.next('disconnect', 10_000);
    // like the web client: every failed reconnect asks for a ticket until one names a live owner
    await until('Watson has a new owner', async () =>
      (await enter(p)).simUrl === b.url ? true : undefined,
    );
    const takeoverMs = Date.now() - killedAt;
    expect((await leasesOf(b)).sort()).toEqual(['watson', 'westbrook']);
    const onB = await join(p, b.url);
    expect(onB.welcome.zone.id).toBe('watson');
    console.info(`takeover of watson after kill -9: ${takeoverMs} ms`);

    // progress and the bag as they were; the drop left on the ground is still there, once
    const after = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    expect(after).toMatchObject({ level: before.level, xp: before.xp, eddies: before.eddies });
    expect(await db.item.findMany({ where: { characterId: p.characterId } })).toEqual(bagBefore);
    expect(await db.worldDrop.count({ where: { zoneId: 'watson' } })).toBe(groundBefore);
    // B shows the remaining drops: one of them can be picked up there
    const seen: EntityInfo[] = [];
    await until('B shows the drops left', async () => {
      for (const s of onB.client.take('zone:snapshot'))
        seen.push(...s.add.filter((e) => e.kind === 'drop'));
      return seen.length >= drops.length - 1 ? true : undefined;
    });
    expect(seen.length).toBe(drops.length - 1);
    const second = await onB.client.command('loot:pickup', { eid: seen[0]!.eid });
    expect(second.ok).toBe(true);
    expect(await db.worldDrop.count({ where: { zoneId: 'watson' } })).toBe(groundBefore - 1);
    expect(await checkInvariants(db)).toEqual([]);
  }, 60_000);
});
