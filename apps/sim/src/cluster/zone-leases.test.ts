import { afterAll, describe, expect, it } from 'vitest';
import { type Redis } from 'ioredis';
import type { Db } from '@necp/db';
import {
  FakeClock,
  RedisZoneLeases,
  createLog,
  seededRng,
  signSimTicket,
  simUrlForZone,
  type GameDeps,
} from '@necp/game';
import { createSimServer, type SimServer } from '../server';
import { connectClient, expectRefused } from '../testing/test-client';
import { testDb } from '../testing/test-db';
import {
  TEST_METRICS_TOKEN,
  TEST_TICKET_SECRET,
  createPlayerAt,
  metricsOf,
} from '../testing/test-sim';
import { eventually } from '../testing/eventually';
import { disposeTestRedis, testRedis, testRedisPrefix } from '@necp/game/testing';

// Two sim processes in one test process, real Redis and PostgreSQL, a short lease TTL.
// Not shorter than 2 s: opening a zone holds the event loop for a while, and on a loaded
// 2-core CI machine a 600 ms TTL lapsed under a live process (its renew timer could not
// run) — the zone was "starting up" right after the sim had opened it.
const TTL = 2_000;
const PERIOD = 100;
const db = testDb();
const opened: { server: SimServer; redis: Redis }[] = [];
afterAll(async () => {
  for (const o of opened) await o.server.close().catch(() => undefined);
  // each deployment's keys dropped (zone tokens have no expiry)
  for (const o of opened) await disposeTestRedis(o.redis);
  await db.$disconnect();
});

/** A deployment of its own (Redis prefix), so other tests' leases are not seen. */
const newDeployment = () => testRedisPrefix('lease');

async function bootSim(prefix: string, name: string, zoneIds?: readonly string[], simDb: Db = db) {
  const redis = testRedis(prefix);
  const simUrl = `http://${name}.sim.test:3001`;
  const deps: GameDeps = {
    db: simDb,
    clock: new FakeClock(),
    rng: seededRng(1),
    log: createLog(`sim-${name}`, process.env.LOG_LEVEL ?? 'silent'),
    redis,
    config: { simTicketSecret: TEST_TICKET_SECRET, simPublicUrl: simUrl },
  };
  const server = await createSimServer({
    deps,
    port: 0,
    host: '127.0.0.1',
    autoTick: false,
    // nothing steps these zones: commands (a join) apply as they arrive
    applyCommands: 'at-once',
    // a loaded test machine must not turn the test's players away as "server busy"
    admission: { lagMs: () => 0 },
    metricsToken: TEST_METRICS_TOKEN,
    ...(zoneIds ? { zoneIds } : {}),
    cluster: {
      leases: new RedisZoneLeases(redis, { ownerId: `sim-${name}`, url: simUrl, ttlMs: TTL }),
      renewMs: PERIOD,
      acquireMs: PERIOD,
    },
  });
  opened.push({ server, redis });
  const ticket = async (userId: string, characterId: string) =>
    (
      await signSimTicket(
        TEST_TICKET_SECRET,
        { userId, characterId, role: 'PLAYER', sessionVersion: 0 },
        deps.clock.ms(),
      )
    ).ticket;
  return { server, redis, deps, ticket, url: simUrl };
}

const tokenIn = (s: SimServer, zoneId: string) => s.owned().find((o) => o.zoneId === zoneId)?.token;

describe('zones across sim processes (Redis leases)', () => {
  it('each process runs its share; a dead one’s zones are taken over with a higher token', async () => {
    const prefix = newDeployment();
    const a = await bootSim(prefix, 'a', ['watson', 'westbrook']);
    const b = await bootSim(prefix, 'b'); // may run every zone: the standby
    expect([...a.server.zones.keys()].sort()).toEqual(['watson', 'westbrook']);
    expect([...b.server.zones.keys()]).toEqual(['city-center']);
    const before = tokenIn(a.server, 'watson');
    expect(before).toBeGreaterThan(0);

    // the web sends each character to its zone's owner
    expect(await simUrlForZone(a.deps, 'watson')).toBe(a.url);
    expect(await simUrlForZone(a.deps, 'city-center')).toBe(b.url);
    // /metrics (operators) names the process and its leases with their tokens
    const m = await metricsOf<{ cluster: unknown }>(`http://127.0.0.1:${a.server.port}`);
    expect(m.cluster).toEqual({
      ownerId: 'sim-a',
      url: a.url,
      leases: [
        { zoneId: 'watson', token: before },
        { zoneId: 'westbrook', token: tokenIn(a.server, 'westbrook') },
      ],
    });

    // a player of Watson connects to A, not to B
    const p = await createPlayerAt(db);
    expect(
      (await expectRefused(b.server.port, { ticket: await b.ticket(p.userId, p.characterId) }))
        .data,
    ).toMatchObject({ code: 'INVALID_STATE' });

    // A dies (stops renewing, releases nothing): B owns its zones once A's leases ran out —
    // never before (A renewed at most one period before it died). How soon after is a
    // latency goal (TTL + one period; docs/operations.md), not something to time here:
    // a loaded machine once took 1.5 s for this 0.7 s
    await a.server.haltLeases();
    const diedAt = Date.now();
    await eventually('B owns watson and westbrook', () =>
      ['watson', 'westbrook'].every((z) => b.server.zones.has(z)),
    );
    expect(Date.now() - diedAt).toBeGreaterThanOrEqual(TTL - PERIOD);
    expect(tokenIn(b.server, 'watson')).toBeGreaterThan(before ?? Infinity);
    expect(await simUrlForZone(a.deps, 'watson')).toBe(b.url);
    // PostgreSQL knows the new owner: the old token no longer passes the fence
    expect(await db.zoneOwner.findUniqueOrThrow({ where: { zoneId: 'watson' } })).toMatchObject({
      ownerId: 'sim-b',
      token: BigInt(tokenIn(b.server, 'watson') ?? 0),
    });

    // the player reconnects to the new owner
    const { welcome, client } = await connectClient(b.server.port, {
      ticket: await b.ticket(p.userId, p.characterId),
    });
    expect(welcome.zone.id).toBe('watson');
    client.close();
  });

  it('a process whose lease is gone stops the zone and sends its players on with zone_moved', async () => {
    const prefix = newDeployment();
    const a = await bootSim(prefix, 'a', ['watson']);
    const b = await bootSim(prefix, 'b', ['watson']);
    expect(a.server.zones.has('watson')).toBe(true);
    expect(b.server.zones.has('watson')).toBe(false);
    const p = await createPlayerAt(db, 300, 280);
    const { client } = await connectClient(a.server.port, {
      ticket: await a.ticket(p.userId, p.characterId),
    });

    // A's lease vanishes behind its back (it was paused past the TTL): B takes the zone
    // (A's own acquire loop may grab the free key first: take it away again until B has it)
    await eventually('B owns watson', async () => {
      if (b.server.zones.has('watson')) return true;
      if ((await a.redis.get('zone:lease:watson'))?.includes('"sim-a"'))
        await a.redis.del('zone:lease:watson');
      return false;
    });

    // A's next renew fails: it stops serving Watson and tells the player why
    expect(await client.next('session:kicked', 2_000)).toEqual({
      reason: 'zone_moved',
      message: 'This district moved to another server. Reconnecting…',
    });
    await eventually('A closed watson', () => !a.server.zones.has('watson'));
    expect(a.server.owned()).toEqual([]);
    // (A's save on the way out carries its old token and PostgreSQL refuses it:
    // position-writer.test.ts and packages/game cluster/zone-fencing.test.ts)
    // a new ticket reaches the new owner
    expect(await simUrlForZone(a.deps, 'watson')).toBe(b.url);
    const again = await connectClient(b.server.port, {
      ticket: await b.ticket(p.userId, p.characterId),
    });
    expect(again.welcome.self.characterId).toBe(p.characterId);
    again.client.close();
    client.close();
  });

  it('a player sent to the new owner while it is still opening the zone is told to come back shortly', async () => {
    const prefix = newDeployment();
    const a = await bootSim(prefix, 'a', ['watson']);
    // B's claim of a zone in PostgreSQL (its first step of opening one) waits for `open`
    let open!: () => void;
    const claimsWait = new Promise<void>((resolve) => (open = resolve));
    const slowDb = new Proxy(db, {
      get(target, key) {
        const v: unknown = Reflect.get(target, key);
        if (key === '$transaction')
          return async (...args: unknown[]) => {
            await claimsWait;
            return (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
          };
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    try {
      const b = await bootSim(prefix, 'b', ['watson'], slowDb);
      const p = await createPlayerAt(db);

      // A dies; B takes the lease — from then on the web sends Watson's players to B —
      // and opens the zone
      await a.server.haltLeases();
      await eventually(
        'the web sends Watson’s players to B',
        async () => (await simUrlForZone(a.deps, 'watson').catch(() => '')) === b.url,
      );
      expect(b.server.zones.has('watson')).toBe(false);
      // a player arriving now: "starting up, try again in a moment" — the web client
      // retries that with a new ticket — rather than a refusal it gives up on
      const refused = await expectRefused(b.server.port, {
        ticket: await b.ticket(p.userId, p.characterId),
      });
      expect(refused.data).toEqual({
        code: 'UNAVAILABLE',
        message: 'That district is starting up. Try again in a moment.',
      });

      open();
      await eventually('B opened watson', () => b.server.zones.has('watson'));
      const { welcome, client } = await connectClient(b.server.port, {
        ticket: await b.ticket(p.userId, p.characterId),
      });
      expect(welcome.zone.id).toBe('watson');
      client.close();
    } finally {
      open();
    }
  });

  it('a clean shutdown releases the zones at once, after saving', async () => {
    const prefix = newDeployment();
    const a = await bootSim(prefix, 'a', ['watson']);
    expect(await simUrlForZone(a.deps, 'watson')).toBe(a.url);
    await a.server.close();
    await expect(simUrlForZone(a.deps, 'watson')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
