import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { ZONES } from '@necp/shared';
import { redisChannel, type Clock, type GameDeps } from '@necp/game';
import { AreaNotices } from './areas/area-notices';
import { DbCombatSink } from './combat/db-combat-sink';
import { MemoryJtiStore, RedisJtiStore } from './auth/jti-store';
import { ticketHandshake } from './auth/handshake';
import { healthHandler } from './health';
import { ItemCooldowns } from './items/item-cooldowns';
import { ZoneLoot } from './loot/zone-loot';
import type { SimIo } from './net/types';
import { roomNotifier, type CharacterNotifier } from './outbox-wiring';
import { handleConnection, zoneFor } from './session/connect';
import { SessionRegistry, kick } from './session/sessions';
import { DbPositionWriter } from './zone/position-writer';
import { Zone } from './zone/zone';
import { startZoneLoop } from './zone/zone-loop';
import { recordZones } from './replay/recording-files';

export interface SimServerOptions {
  deps: GameDeps;
  /** 0 picks a free port (tests) */
  port?: number;
  host?: string;
  /** defaults to deps.clock */
  clock?: Clock;
  /** run each zone's tick loop on a timer; tests pass false and call zone.step() */
  autoTick?: boolean;
  corsOrigin?: string | string[];
  /**
   * The live zones this process runs (default: every live zone in content). One
   * zone is owned by one process: a deployment that splits them names each
   * process's share; characters saved elsewhere are refused at the handshake.
   */
  zoneIds?: readonly string[];
  /** when client commands take effect (ZoneOptions.applyCommands; default in the tick) */
  applyCommands?: 'in-tick' | 'at-once';
  /** record every zone into this directory (SIM_RECORD_DIR; replay/recording-files.ts) */
  recordDir?: string;
}

export interface SimServer {
  port: number;
  io: SimIo;
  zones: ReadonlyMap<string, Zone>;
  /** each zone's database side of combat (awards, deaths, combat log, wear), by zone id */
  combat: ReadonlyMap<string, DbCombatSink>;
  /** each zone's area entries (zone:area banners, area.entered events), by zone id */
  areas: ReadonlyMap<string, AreaNotices>;
  /** how the outbox worker's subscribers reach the players of every node from this one */
  notifier: CharacterNotifier;
  /** kicks everyone ('server_shutdown'), saves every position, closes sockets and the HTTP server */
  close(): Promise<void>;
}

/** Client payloads are tiny; anything near this is an attack, not a game message. */
const MAX_PAYLOAD_BYTES = 16 * 1024;

export async function createSimServer(opts: SimServerOptions): Promise<SimServer> {
  const { deps } = opts;
  const clock = opts.clock ?? deps.clock;
  const log = deps.log.child({ svc: 'sim' });
  let closing = false;
  const isClosing = () => closing;

  const positions = new DbPositionWriter({ ...deps, clock });
  const zones = new Map<string, Zone>();
  const served = (id: string) => opts.zoneIds === undefined || opts.zoneIds.includes(id);
  for (const content of ZONES.filter((z) => z.live && served(z.id))) {
    // each zone has its own seed (drawn from the deps' rng); its streams derive from it
    const seed = deps.rng.int(0, 0x7fffffff);
    zones.set(
      content.id,
      new Zone({
        content,
        clock,
        log,
        positions,
        seed,
        ...(opts.applyCommands ? { applyCommands: opts.applyCommands } : {}),
      }),
    );
  }
  // before anything reaches a zone: a recording starts at tick 0
  const recordings = opts.recordDir ? recordZones(zones.values(), opts.recordDir, log) : [];
  // domain calls from the sim run on the sim's clock
  const simDeps: GameDeps = { ...deps, clock };
  // a character paid for a fight in one zone may be in another by then (metro)
  const locate = (characterId: string) => {
    for (const z of zones.values()) if (z.player(characterId)) return z;
    return undefined;
  };
  const combat = new Map<string, DbCombatSink>();
  for (const zone of zones.values()) {
    const sink = new DbCombatSink(simDeps, zone, log, locate);
    sink.start();
    combat.set(zone.id, sink);
  }
  const areas = new Map<string, AreaNotices>();
  for (const zone of zones.values()) {
    const notices = new AreaNotices(simDeps, zone.id, log.child({ zone: zone.id }));
    notices.start(zone);
    areas.set(zone.id, notices);
  }
  const items = new ItemCooldowns(clock);
  const loot = new Map<string, ZoneLoot>();
  for (const zone of zones.values()) loot.set(zone.id, new ZoneLoot(simDeps, zone, log));
  // drops survive a restart: show them before the first player can arrive
  const loaded = await Promise.all([...loot.values()].map((l) => l.load()));
  for (const l of loot.values()) l.start();
  const sessions = new SessionRegistry();

  const http = createServer(healthHandler(zones, isClosing));
  const io: SimIo = new Server(http, {
    cors: { origin: opts.corsOrigin ?? 'http://localhost:3000', credentials: true },
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
  });

  const sub = deps.redis?.duplicate();
  // the adapter's pub/sub channels carry the deployment prefix (ioredis' keyPrefix does not apply to channels)
  if (deps.redis && sub)
    io.adapter(createAdapter(deps.redis, sub, { key: redisChannel(deps.redis, 'socket.io') }));

  // character.stats_changed: the node holding the character's socket re-reads its stats
  const refreshHere = (characterId: string) => {
    const session = sessions.ofCharacter(characterId);
    session?.stats
      .refresh()
      .catch((err: unknown) => log.warn({ err, characterId }, 'refreshing stats failed'));
  };
  io.on('char:stats_changed', refreshHere);
  const notifier = roomNotifier(io, refreshHere, { crossNode: Boolean(deps.redis) });

  io.use(
    ticketHandshake({
      deps,
      clock,
      log,
      jtis: deps.redis ? new RedisJtiStore(deps.redis, clock) : new MemoryJtiStore(clock),
      canHost: (character) => zoneFor(zones, character) !== undefined,
      isClosing,
    }),
  );
  io.on('connection', (socket) => {
    // thrown from here it would escape into Socket.IO's internals and crash the process
    try {
      handleConnection(
        { deps: simDeps, zones, loot, items, sessions, clock, log, isClosing },
        socket,
      );
    } catch (err) {
      log.error({ err, sid: socket.id }, 'setting up a connection failed');
      socket.disconnect(true);
    }
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(opts.port ?? 3001, opts.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    // e.g. EADDRINUSE: release what was set up so the caller can exit cleanly
    void io.close();
    sub?.disconnect();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  const stopLoops =
    opts.autoTick === false ? [] : [...zones.values()].map((z) => startZoneLoop(z, clock, log));

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      closing = true;
      for (const stop of stopLoops) stop();
      for (const s of io.of('/').sockets.values()) {
        kick(s, {
          reason: 'server_shutdown',
          message: 'The server is restarting. Reconnect in a moment.',
        });
      }
      await Promise.all([...zones.values()].map((z) => z.shutdown()));
      await Promise.all([...loot.values()].map((l) => l.idle()));
      await Promise.all([...combat.values()].map((c) => c.drain()));
      await Promise.all([...areas.values()].map((a) => a.idle()));
      await Promise.all(recordings.map((r) => r.close()));
      // io.close() resolves before the HTTP server has; its callback fires once it has
      const httpClosed = new Promise<void>((resolve) => void io.close(() => resolve()));
      http.closeAllConnections();
      await httpClosed;
      await sub?.quit().catch(() => undefined);
      log.info('sim server closed');
    })());

  log.info(
    {
      port,
      zones: [...zones.keys()],
      drops: loaded.reduce((a, b) => a + b, 0),
      redis: Boolean(deps.redis),
    },
    'sim server listening',
  );
  return { port, io, zones, combat, areas, notifier, close };
}
