/**
 * REAL sim processes for cluster tests (apps/sim/src/main.ts as child processes) on
 * one Redis namespace and one PostgreSQL database, and the way in the web gives a
 * player: a ticket for the URL `enterWorld` names (playZoneOf + simUrlForZone).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Redis } from 'ioredis';
import type { Db } from '@necp/db';
import { playZoneOf, signSimTicket, simUrlForZone } from '@necp/game';
import type { ConnectErrorData } from '@necp/shared';
import { connectClient, expectRefused, type TestClient } from './test-client';
import { TEST_TICKET_SECRET } from './test-sim';
import { eventually } from './eventually';
import { freePort } from '@necp/db/testing';

export { freePort };

const simDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SimProcess {
  port: number;
  url: string;
  proc: ChildProcess;
  /** its own SIM_METRICS_TOKEN: only this process answers /metrics with it */
  metricsToken: string;
}

/** a process that could not listen is started again on another port, this many times */
const START_ATTEMPTS = 3;

/** the web client's patience with "come back in a moment" refusals (game-client.ts) */
const BUSY_RETRIES = 8;

export class SimProcesses {
  private readonly procs: ChildProcess[] = [];
  /** every client opened by join (closed by stop) */
  readonly clients: TestClient[] = [];

  constructor(
    private readonly o: {
      db: Db;
      /** the test database's URL, for the processes */
      dbUrl: string;
      redisUrl: string;
      /** a REDIS_PREFIX of the test's own; `redis` uses it too */
      prefix: string;
      redis: Redis;
      /** environment every process gets (SIM_NPCS, SIM_SEED …) */
      env?: Record<string, string>;
    },
  ) {}

  /**
   * One sim process, as `pnpm --filter @necp/sim start` runs it (tsx's loader in one node
   * process); resolves once it listens. The port is free when picked but not reserved: a
   * server of another test file may take it while the process boots (CI: an in-process
   * test sim, which runs every zone, answered for a child that never listened). So the
   * child is known by a metrics token of its own, and one that exits before it listens is
   * started again on another port.
   */
  async start(zones: string, env: Record<string, string> = {}): Promise<SimProcess> {
    return this.launch(
      'a sim',
      (port) => {
        const url = `http://127.0.0.1:${port}`;
        const metricsToken = randomBytes(16).toString('hex');
        const own = {
          SIM_METRICS_TOKEN: metricsToken,
          SIM_PORT: String(port),
          SIM_PUBLIC_URL: url,
          SIM_ZONES: zones,
        };
        return { port, url, proc: this.spawnChild('src/main.ts', own, env), metricsToken };
      },
      (sim) => this.metricsOf(sim).then(() => true),
    );
  }

  /**
   * A child process on a free port (`make`), up once `isUp` says so; one that exits first
   * is started again on another port (see start()).
   */
  private async launch<T extends { proc: ChildProcess }>(
    what: string,
    make: (port: number) => T,
    isUp: (child: T) => Promise<boolean>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const child = make(await freePort());
      const up = await eventually(`${what} listens or exits`, async () => {
        if (child.proc.exitCode !== null || child.proc.signalCode !== null) return 'exited';
        return (await isUp(child).catch(() => false)) ? 'up' : undefined;
      });
      if (up === 'up') return child;
      if (attempt >= START_ATTEMPTS)
        throw new Error(`${what} exited before it listened (${attempt} attempts)`);
    }
  }

  /** `script` of the sim package in a node process with tsx, on this cluster's stores. */
  private spawnChild(
    script: string,
    own: Record<string, string>,
    env: Record<string, string>,
  ): ChildProcess {
    const proc = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: simDir,
      env: {
        ...process.env,
        DATABASE_URL: this.o.dbUrl,
        REDIS_URL: this.o.redisUrl,
        REDIS_PREFIX: this.o.prefix,
        SIM_TICKET_SECRET: TEST_TICKET_SECRET,
        ...own,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...this.o.env,
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.procs.push(proc);
    return proc;
  }

  /** GET /metrics of `sim` with its own token (throws for any other answer). */
  async metricsOf<T>(sim: SimProcess): Promise<T> {
    const res = await fetch(`${sim.url}/metrics`, {
      headers: { authorization: `Bearer ${sim.metricsToken}` },
    });
    if (!res.ok) throw new Error(`GET ${sim.url}/metrics: ${res.status}`);
    return (await res.json()) as T;
  }

  /**
   * The worker role in a process of its own, as `pnpm --filter @necp/sim worker` runs it:
   * the outbox reactions (pushes reach the sims' sockets over the cluster bus) and jobs.
   */
  async startWorker(env: Record<string, string> = {}): Promise<ChildProcess> {
    const worker = await this.launch(
      'the worker',
      (port) => ({
        port,
        proc: this.spawnChild('src/worker/main.ts', { WORKER_PORT: String(port) }, env),
      }),
      // up once its GET /health answers as a worker (it has subscribed to the outbox by
      // then); a sim that took the port meanwhile answers too, without the role (start())
      async ({ port }) => {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        return res.ok && ((await res.json()) as { role?: string }).role === 'worker';
      },
    );
    return worker.proc;
  }

  /** Which zones (and instances) a sim holds the lease of (its GET /metrics). */
  async leasesOf(sim: SimProcess): Promise<string[]> {
    const body = await this.metricsOf<{ cluster?: { leases: { zoneId: string }[] } }>(sim);
    return (body.cluster?.leases ?? []).map((l) => l.zoneId);
  }

  /** Resolves once `sim` holds the lease of `zoneId`. */
  holds(sim: SimProcess, zoneId: string, ms?: number): Promise<true> {
    return eventually(
      `${sim.url} holds ${zoneId}`,
      async () => ((await this.leasesOf(sim)).includes(zoneId) ? true : undefined),
      ms,
    );
  }

  /**
   * What the web's character.enter does (enterWorld): a ticket, for the URL of the
   * process running the character's instance, else owning its zone.
   */
  async enter(p: { userId: string; characterId: string }) {
    const { redis } = this.o;
    const c = await this.o.db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    const simUrl = await simUrlForZone(
      { redis, config: { simTicketSecret: TEST_TICKET_SECRET, simPublicUrl: '' } },
      await playZoneOf({ redis }, c),
    );
    const { ticket } = await signSimTicket(
      TEST_TICKET_SECRET,
      { userId: p.userId, characterId: p.characterId, role: 'PLAYER', sessionVersion: 0 },
      Date.now(),
    );
    return { simUrl, ticket };
  }

  /**
   * Into the game the way the web client gets there: a ticket naming the process that
   * runs the character's place (expected: `simUrl`), then a connection to it, retried
   * while the process says "come back in a moment" (untilAdmitted).
   */
  async join(p: { userId: string; characterId: string }, simUrl: string) {
    const res = await untilAdmitted(async () => {
      const t = await this.enter(p);
      expect(t.simUrl).toBe(simUrl);
      return connectClient(Number(new URL(t.simUrl).port), { ticket: t.ticket });
    });
    this.clients.push(res.client);
    return res;
  }

  /**
   * The refusal of a handshake with `auth` (a fresh ticket each attempt) once the process
   * admits anyone at all: a busy or still-opening process refuses everyone UNAVAILABLE
   * first, whatever the ticket (raid-two-sims failed so on a loaded CI machine).
   */
  async refusal(port: number, auth: () => Promise<Record<string, unknown>>) {
    return untilAdmitted(async () => {
      const r = await expectRefused(port, await auth());
      if (r.data.code === 'UNAVAILABLE') throw Object.assign(new Error(r.message), r);
      return r;
    });
  }

  /** Closes every client, then stops every process still running (SIGTERM; SIGKILL after 10 s). */
  async stop(): Promise<void> {
    for (const c of this.clients) c.close();
    for (const p of this.procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
    await Promise.all(
      this.procs.map(
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
  }
}

/**
 * Runs `attempt` until it is not refused UNAVAILABLE — the process too busy to admit
 * anyone now (a loaded test machine: admission.ts), or still opening the zone it just
 * took over — waiting a little longer each time, as the web client does.
 */
export async function untilAdmitted<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const code = (err as { data?: ConnectErrorData }).data?.code;
      if (code !== 'UNAVAILABLE' || n >= BUSY_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, 250 * n));
    }
  }
}
