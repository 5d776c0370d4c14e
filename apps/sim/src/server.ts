import { sweepPresence } from './chat/presence';
import { PresenceLeaves } from './chat/presence-leaves';
import { sendPartyVitals } from './chat/party-vitals';
import { TRADE_WATCH_MS, TradeWatch } from './trade/trade-watch';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { PARTY_VITALS_MS, PRESENCE_REFRESH_MS, ZONES, type PushSink } from '@necp/shared';
import { MemoryZoneLeases, type Clock, type GameDeps, type ZoneLeases } from '@necp/game';
import type { AreaNotices } from './areas/area-notices';
import type { DbCombatSink } from './outcomes/db-combat-sink';
import { AdmissionGate, type AdmissionOptions } from './auth/admission';
import { MemoryJtiStore, RedisJtiStore } from './auth/jti-store';
import { ticketHandshake } from './auth/handshake';
import type { OwnedZone } from './cluster/zone-keeper';
import { WorldZones } from './cluster/world-zones';
import { healthHandler } from './health';
import { InstanceHost } from './instances/instance-host';
import { pullHere } from './instances/instance-transfer';
import { instanceLauncher, publishSimLoad } from './instances/instance-launcher';
import { ItemCooldowns } from './items/item-cooldowns';
import type { MatchLauncher } from './matchmaking/match-launcher';
import { SimMatchmaking } from './matchmaking/sim-matchmaking';
import type { SimIo } from './net/types';
import { createPushDispatcher } from './net/push-dispatcher';
import { redisBus, type ClusterBus } from './net/cluster-bus';
import { handleConnection, zoneFor } from './session/connect';
import { SessionRegistry, kick } from './session/sessions';
import { repeat } from './timers/repeat';
import { DbPositionWriter } from './zone/position-writer';
import { type Zone } from './zone/zone';
import { zoneServices } from './zone/zone-services';

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
   * The live zones this process may run (SIM_ZONES; default: every live zone in
   * content). It runs those whose lease it holds; characters whose zone is not run
   * here are refused at the handshake.
   */
  zoneIds?: readonly string[];
  /** false: the zones spawn no NPCs (SIM_NPCS=off; the bench's player-only workloads) */
  npcs?: boolean;
  /**
   * Who runs which zone. Default: in-memory leases, so this process runs every zone
   * it may (one process, no Redis). Several processes share RedisZoneLeases.
   */
  cluster?: { leases: ZoneLeases; renewMs?: number; acquireMs?: number };
  /** when client commands take effect (ZoneOptions.applyCommands; default in the tick) */
  applyCommands?: 'in-tick' | 'at-once';
  /** record every zone into this directory (SIM_RECORD_DIR; replay/recording-files.ts) */
  recordDir?: string;
  /** when new players are refused as "server busy" (auth/admission.ts; defaults there) */
  admission?: AdmissionOptions;
  /** starts confirmed matches (default: the instances', instances/instance-launcher.ts) */
  launcher?: MatchLauncher;
  /** how often this process runs the matcher (default MATCHER_TICK_MS; 0: never — tests call matchmaking.tick()) */
  matcherTickMs?: number;
  /** AFK and the presence refresh (default PRESENCE_REFRESH_MS / 2; 0: never — the socket fuzz) */
  presenceSweepMs?: number;
  /** each zone's sweep of expired drops (default DROP_SWEEP_MS; 0: never — test sims) */
  dropSweepMs?: number;
  /** the bearer token GET /metrics wants (SIM_METRICS_TOKEN); unset: /metrics is off (health.ts) */
  metricsToken?: string | undefined;
  /**
   * How this process hears the other sims and the worker (net/cluster-bus.ts; closed with
   * the server). Default: Redis's when deps.redis, else none — one process alone, whose
   * pushes reach only its own sockets (tests; main.ts always passes one).
   */
  bus?: ClusterBus;
}

export interface SimServer {
  port: number;
  io: SimIo;
  /** the zones this process runs now: they come and go with its zone leases */
  zones: ReadonlyMap<string, Zone>;
  /** each zone's database side of combat (awards, deaths, combat log, wear), by zone id */
  combat: ReadonlyMap<string, DbCombatSink>;
  /** each zone's area entries (zone:area banners, area.entered events), by zone id */
  areas: ReadonlyMap<string, AreaNotices>;
  /** the push dispatcher: pushes given here reach the players on every node (net/push-dispatcher.ts) */
  pushes: PushSink;
  /** the live sessions of this process (the presence sweep walks them) */
  sessions: SessionRegistry;
  /** this process's matchmaking: its store, matcher loop and pushes (release a match through it) */
  matchmaking: SimMatchmaking;
  /** the instances this process runs (instances/instance-host.ts) */
  instances: InstanceHost;
  /** the zones whose lease this process holds, with their fencing tokens */
  owned(): OwnedZone[];
  /**
   * Stops renewing and acquiring leases without releasing them, as if the process
   * had died (tests of takeover; the zones keep running here until close()).
   */
  haltLeases(): Promise<void>;
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
  // the zones whose lease this process holds: they come and go (zone leases, below)
  const zones = new Map<string, Zone>();
  const mayRun = ZONES.filter(
    (z) => z.live && (opts.zoneIds === undefined || opts.zoneIds.includes(z.id)),
  );
  // domain calls from the sim run on the sim's clock
  const simDeps: GameDeps = { ...deps, clock };
  // a character paid for a fight in one zone may be in another by then (metro)
  const locate = (characterId: string) => {
    for (const z of zones.values()) if (z.player(characterId)) return z;
    return undefined;
  };
  const items = new ItemCooldowns(clock);
  const sessions = new SessionRegistry();
  const leases =
    opts.cluster?.leases ?? new MemoryZoneLeases(`local-${process.pid}`, deps.config.simPublicUrl);

  const http = createServer(
    healthHandler({
      zones,
      isClosing,
      metricsToken: opts.metricsToken,
      cluster: () => ({
        ownerId: leases.ownerId,
        url: leases.url,
        // the instances' leases too: a process for instances only (SIM_ZONES=none) shows what it holds
        leases: [...world.owned(), ...instances.leases()],
      }),
    }),
  );
  const io: SimIo = new Server(http, {
    cors: { origin: opts.corsOrigin ?? 'http://localhost:3000', credentials: true },
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // the game connects over a websocket only (apps/web sim-socket.ts, the bench bots): no
    // long-polling sessions and their buffers, no upgrade; and nothing compressed per socket
    transports: ['websocket'],
    perMessageDeflate: false,
    httpCompression: false,
  });
  // character.stats_changed: the node holding the character's socket re-reads its stats
  const refreshHere = (characterId: string) => {
    const session = sessions.ofCharacter(characterId);
    session?.stats
      .refresh()
      .catch((err: unknown) => log.warn({ err, characterId }, 'refreshing stats failed'));
  };
  io.on('char:stats_changed', refreshHere);
  // character.title_changed: the zone holding the character (any of this node's) shows it
  const retitleHere = (characterId: string, title: string | null) =>
    locate(characterId)?.submit({ k: 'title', characterId, title });
  io.on('char:title_changed', retitleHere);
  const bus = opts.bus ?? (deps.redis ? redisBus(deps.redis) : undefined);
  if (bus) io.adapter(bus.adapter);
  // the one way a change reaches other players' sockets, on every node
  const pushes = createPushDispatcher(io, {
    crossNode: bus !== undefined,
    local: { stats: refreshHere, title: retitleHere },
  });
  const presence = new PresenceLeaves(deps, pushes, log);
  // each zone's database side: combat sink, area notices, drops (open world and dungeons)
  const services = zoneServices({
    deps: simDeps,
    log,
    locate,
    push: pushes,
    ...(opts.dropSweepMs !== undefined ? { dropSweepMs: opts.dropSweepMs } : {}),
  });

  // the open-world zones this process runs: they come and go with its zone leases
  const world = new WorldZones({
    deps,
    clock,
    log,
    positions,
    mayRun,
    leases,
    renewMs: opts.cluster?.renewMs,
    acquireMs: opts.cluster?.acquireMs,
    zones,
    services,
    sessions,
    npcs: opts.npcs ?? true,
    autoTick: opts.autoTick !== false,
    applyCommands: opts.applyCommands,
    recordDir: opts.recordDir,
    isClosing,
  });

  // the instances this process runs (instances/): a confirmed match opens one on the least loaded process
  const instances = new InstanceHost({
    deps: simDeps,
    clock,
    log,
    io,
    push: pushes,
    leases,
    zones,
    sessions,
    release: (matchId, message) => matchmaking.release(matchId, message),
    // leavers let out of their match, dungeon backfills (made below; asked when needed)
    matchmaking: () => matchmaking,
    autoTick: opts.autoTick !== false,
    applyCommands: opts.applyCommands,
    services,
  });
  // queues in Redis when there is one (every process matches from them), else in memory
  const trades = new TradeWatch({ deps, sessions, push: pushes, log });
  const matchmaking: SimMatchmaking = new SimMatchmaking({
    deps: simDeps,
    push: pushes,
    launcher:
      opts.launcher ??
      instanceLauncher({
        deps: simDeps,
        log,
        io,
        host: instances,
        ownerId: leases.ownerId,
        // its own load as it is at the launch, not as last published
        self: () => ({
          url: leases.url,
          players: sessions.all().length,
          instances: instances.count,
        }),
      }),
  });
  // another process chose this one to run an instance; a member of one is held here
  io.on('instance:open', (hostId, match) => {
    if (hostId === leases.ownerId) void instances.open(match);
  });
  io.on('instance:pull', (characterId, msg) => void pullHere(sessions, log, characterId, msg));
  // a solo accepted a backfill of a dungeon run here (instance-launcher.ts)
  io.on('instance:backfill', (match) => {
    if (match.backfill && instances.has(match.backfill.instanceId))
      void instances.addBackfill(match);
  });

  const admission = new AdmissionGate(opts.admission);
  io.use(
    ticketHandshake({
      admission,
      deps,
      clock,
      log,
      jtis: deps.redis ? new RedisJtiStore(deps.redis, clock) : new MemoryJtiStore(clock),
      canHost: (character) => zoneFor(zones, character) !== undefined,
      raidOf: (character) => {
        const zone = zoneFor(zones, character);
        return zone && instances.raidOf(zone.id);
      },
      opening: (zoneId) => world.isOpening(zoneId),
      isClosing,
    }),
  );
  io.on('connection', (socket) => {
    // thrown from here it would escape into Socket.IO's internals and crash the process
    try {
      handleConnection(
        {
          deps: simDeps,
          zones,
          loot: services.loot,
          items,
          sessions,
          presence,
          matchmaking,
          trades,
          pushes,
          clock,
          log,
          isClosing,
          instances,
        },
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
    await bus?.close();
    throw err;
  }
  const port = (http.address() as AddressInfo).port;
  // listening first: the web sends players here as soon as a lease names this process
  await world.start();

  // AFK and the presence refresh of this process's sessions (chat/presence.ts)
  const presenceSweep = repeat(
    opts.presenceSweepMs ?? PRESENCE_REFRESH_MS / 2,
    () => sweepPresence(deps, pushes, sessions),
    { log, what: 'presence sweep' },
  );
  presence.start();
  // trades whose parties parted, died or changed zone end (trade/trade-watch.ts)
  const tradeSweep = repeat(TRADE_WATCH_MS, () => trades.check(), { log, what: 'trade watch' });
  // party frames: each member's health and position to its party (chat/party-vitals.ts)
  const partyVitals = repeat(PARTY_VITALS_MS, () => sendPartyVitals(pushes, sessions), {
    log,
    what: 'party vitals',
  });
  // the matcher: ready checks timed out, new matches formed (matchmaking/sim-matchmaking.ts)
  matchmaking.start(opts.matcherTickMs);
  instances.start();
  const stopLoad = publishSimLoad({
    deps,
    log,
    ownerId: leases.ownerId,
    url: leases.url,
    load: () => ({ players: sessions.all().length, instances: instances.count }),
  });

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      closing = true;
      await Promise.all([presenceSweep.stop(), partyVitals.stop(), tradeSweep.stop()]);
      await matchmaking.stop();
      await stopLoad();
      // players in instances go back to the open world first (their rows say so at once)
      await instances.closeAll();
      world.stopTicking();
      for (const s of io.of('/').sockets.values()) {
        kick(s, {
          reason: 'server_shutdown',
          message: 'The server is restarting. Reconnect in a moment.',
        });
      }
      await world.closeAll();
      // io.close() resolves before the HTTP server has; its callback fires once it has
      const httpClosed = new Promise<void>((resolve) => void io.close(() => resolve()));
      http.closeAllConnections();
      await httpClosed;
      // the sockets are gone: their friends hear it now (no grace left to wait out here)
      await presence.stop();
      await bus?.close();
      admission.close();
      log.info('sim server closed');
    })());

  log.info(
    {
      port,
      zones: [...zones.keys()],
      drops: world.drops,
      bus: bus?.kind ?? 'none',
    },
    'sim server listening',
  );
  return {
    port,
    io,
    zones,
    combat: services.combat,
    areas: services.areas,
    pushes,
    sessions,
    matchmaking,
    instances,
    owned: () => world.owned(),
    haltLeases: () => world.haltLeases(),
    close,
  };
}
