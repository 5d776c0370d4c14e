/** Boots a sim server on a free port against the test database, with a FakeClock and no auto-tick. */
import type { Redis } from 'ioredis';
import type { Db } from '@necp/db';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { TICK_MS, type Role } from '@necp/shared';
import { FakeClock, createLog, seededRng, signSimTicket, type GameDeps } from '@necp/game';
import type { AdmissionOptions } from '../auth/admission';
import type { MatchLauncher } from '../matchmaking/match-launcher';
import { postgresBus } from '../net/cluster-bus';
import { createSimServer, type SimServer } from '../server';
import type { Zone } from '../zone/zone';
import { connectClient, type TestClient } from './test-client';

export const TEST_TICKET_SECRET = 'sim-test-ticket-secret-0123456789';
/** SIM_METRICS_TOKEN of the test sims; `metricsOf` sends it */
export const TEST_METRICS_TOKEN = 'sim-test-metrics-token-0123456789';

/** GET /metrics of a test sim, as an operator asks for it (with the bearer token). */
export async function metricsOf<T = Record<string, unknown>>(baseUrl: string): Promise<T> {
  const res = await fetch(`${baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  });
  if (!res.ok) throw new Error(`GET ${baseUrl}/metrics: ${res.status}`);
  return (await res.json()) as T;
}

export interface TicketOpts {
  atMs?: number;
  secret?: string;
  role?: Role;
  sessionVersion?: number;
  /** the web login session minting it (its sign-out disconnects the socket) */
  sessionId?: string;
}

export interface TestSim {
  server: SimServer;
  deps: GameDeps;
  clock: FakeClock;
  watson: Zone;
  /** advance the clock by one tick length and step every zone, n times */
  step(n?: number): void;
  /**
   * Steps (every few ms) until `p` settles: with `applyCommands: 'in-tick'` a join
   * or an ack waits for a tick the test has to make. Gives up after 100 steps.
   */
  stepUntil<T>(p: Promise<T>): Promise<T>;
  ticket(userId: string, characterId: string, opts?: TicketOpts): Promise<string>;
  /**
   * Connect with a fresh ticket for the character (closed by close()). `role` also
   * gives the account that role in the database: the sim reads it from there.
   */
  join(
    p: { userId: string; characterId: string },
    opts?: Pick<TicketOpts, 'role' | 'sessionId'>,
  ): ReturnType<typeof connectClient>;
  /** closes every client opened by join, then the server */
  close(): Promise<void>;
}

export async function bootTestSim(
  db: Db,
  opts: {
    clock?: FakeClock;
    redis?: Redis;
    zoneIds?: readonly string[];
    /** e.g. 'silent' for a test that makes the sim log errors on purpose */
    logLevel?: string;
    /** `in-tick`: commands wait for the next sim.step(), as in production */
    applyCommands?: 'in-tick' | 'at-once';
    /** record every zone there (SIM_RECORD_DIR) */
    recordDir?: string;
    /** default: never refuses for lag (a loaded test machine must not turn players away) */
    admission?: AdmissionOptions;
    /** starts confirmed matches (default: the sim's, which releases them) */
    launcher?: MatchLauncher;
    /** the matcher loop's period (default 0: none — call server.matchmaking.tick()) */
    matcherTickMs?: number;
    /** AFK and the presence refresh's period (default: the sim's; 0: none) */
    presenceSweepMs?: number;
    /**
     * each zone's sweep of expired drops (default 0: none). Test sims share the database and
     * the zone ids but not their clocks: one whose clock ran minutes ahead destroyed the
     * drops another test file had just made (loot.test found 0 of its 3, once)
     */
    dropSweepMs?: number;
    /**
     * hear other processes (a worker) through this PostgreSQL database's LISTEN/NOTIFY, as
     * a sim without Redis does (net/cluster-bus.ts); default: Redis's bus with `redis`, else none
     */
    postgresBus?: string;
  } = {},
): Promise<TestSim> {
  const clock = opts.clock ?? new FakeClock();
  const deps: GameDeps = {
    db,
    clock,
    rng: seededRng(1),
    log: createLog('sim-test', opts.logLevel ?? process.env.LOG_LEVEL ?? 'silent'),
    redis: opts.redis,
    config: { simTicketSecret: TEST_TICKET_SECRET, simPublicUrl: 'http://localhost:0' },
  };
  const server = await createSimServer({
    deps,
    port: 0,
    host: '127.0.0.1',
    autoTick: false,
    // tests step by hand: a command's ack must not wait for a step the test has not made yet
    applyCommands: opts.applyCommands ?? 'at-once',
    admission: opts.admission ?? { lagMs: () => 0 },
    ...(opts.recordDir ? { recordDir: opts.recordDir } : {}),
    ...(opts.zoneIds ? { zoneIds: opts.zoneIds } : {}),
    ...(opts.launcher ? { launcher: opts.launcher } : {}),
    matcherTickMs: opts.matcherTickMs ?? 0,
    ...(opts.presenceSweepMs !== undefined ? { presenceSweepMs: opts.presenceSweepMs } : {}),
    dropSweepMs: opts.dropSweepMs ?? 0,
    metricsToken: TEST_METRICS_TOKEN,
    ...(opts.postgresBus ? { bus: postgresBus(opts.postgresBus, deps.log) } : {}),
  });
  const watson = server.zones.get('watson');
  if (!watson) throw new Error('watson zone missing');

  const clients: TestClient[] = [];
  const ticket: TestSim['ticket'] = async (userId, characterId, o = {}) =>
    (
      await signSimTicket(
        o.secret ?? TEST_TICKET_SECRET,
        {
          userId,
          characterId,
          role: o.role ?? 'PLAYER',
          // as the web mints it: the account's current version (unknown users: 0)
          sessionVersion:
            o.sessionVersion ??
            (await deps.db.user.findUnique({ where: { id: userId } }))?.sessionVersion ??
            0,
          ...(o.sessionId ? { sessionId: o.sessionId } : {}),
        },
        o.atMs ?? clock.ms(),
      )
    ).ticket;

  const step = (n = 1) => {
    for (let i = 0; i < n; i++) {
      clock.advance(TICK_MS);
      for (const z of server.zones.values()) z.step();
    }
  };
  return {
    server,
    deps,
    clock,
    watson,
    step,
    async stepUntil(p) {
      let done = false;
      const settled = () => (done = true);
      void p.then(settled, settled);
      for (let i = 0; i < 100 && !done; i++) {
        await new Promise((r) => setTimeout(r, 5));
        if (!done) step();
      }
      return p;
    },
    ticket,
    async join(p, o = {}) {
      if (o.role) await db.user.update({ where: { id: p.userId }, data: { role: o.role } });
      const res = await connectClient(server.port, {
        ticket: await ticket(p.userId, p.characterId, o),
      });
      clients.push(res.client);
      return res;
    },
    async close() {
      for (const c of clients) c.close();
      await server.close();
    },
  };
}

/** A fresh account with one character at (x, y) in Watson. */
export async function createPlayerAt(db: Db, x = 256, y = 256, o: { level?: number } = {}) {
  const user = await createTestUser(db);
  const character = await createTestCharacter(db, user.id, { x, y, ...o });
  return { userId: user.id, characterId: character.id, user, character };
}
