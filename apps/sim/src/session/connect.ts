import type { Clock, GameDeps, Log, SimCharacter } from '@necp/game';
import type { PushSink } from '@necp/shared';
import type { CommandContext } from '../handlers/command';
import { joinChat } from '../chat/chat-rooms';
import { joinParty } from '../chat/party-rooms';
import { joinGuild } from '../chat/guild-rooms';
import { announcePresence } from '../chat/presence';
import type { PresenceLeaves } from '../chat/presence-leaves';
import { listen } from '../handlers/dispatch';
import type { InstanceHost } from '../instances/instance-host';
import type { ItemCooldowns } from '../items/item-cooldowns';
import type { SimMatchmaking } from '../matchmaking/sim-matchmaking';
import type { TradeWatch } from '../trade/trade-watch';
import type { ZoneLoot } from '../loot/zone-loot';
import { BadPayloadGuard } from '../net/bad-payload-guard';
import { RateWindow } from '../net/rate-window';
import { TAKEN_OVER } from '../net/refusals';
import type { SimSocket } from '../net/types';
import type { Zone } from '../zone/zone';
import { kick, type Session, type SessionRegistry } from './sessions';
import { socketConnection } from './socket-connection';
import { StatsRefresher, charStatsMsg } from './stats-refresher';
import { characterRoom, loginSessionRoom, userRoom } from '../net/rooms';

/** Database-backed commands (pickup, crate, drop, admin, travel, item use) per socket: generous for play, not for a bot. */
export const ACTION_LIMIT = { limit: 20, windowMs: 5_000 };
/** net:ping per socket: the client pings every 2 s (and once on connect). */
export const PING_LIMIT = { limit: 10, windowMs: 10_000 };
/** combat:use/cancel/respawn per socket: a GCD every second plus off-GCD abilities fit easily. */
export const COMBAT_LIMIT = { limit: 30, windowMs: 5_000 };

export interface ConnectionContext {
  deps: GameDeps;
  zones: ReadonlyMap<string, Zone>;
  /** the loot state of each zone, by zone id */
  loot: ReadonlyMap<string, ZoneLoot>;
  /** item cooldowns of this process */
  items: ItemCooldowns;
  sessions: SessionRegistry;
  /** closed connections going offline unless they are back within the grace */
  presence: PresenceLeaves;
  /** this process's matchmaking (the match:* commands; the status on connecting) */
  matchmaking: SimMatchmaking;
  /** the live trades of this process's players (a disconnect ends its player's) */
  trades: TradeWatch;
  /** where what other players must hear goes (net/push-dispatcher.ts) */
  pushes: PushSink;
  clock: Clock;
  log: Log;
  isClosing(): boolean;
  /** the instances this process runs (absent: none; pure connection tests) */
  instances?: InstanceHost | undefined;
}

/**
 * The zone that holds the character's live entity, else the one its metro ride is
 * taking it to, else the zone it was saved in (if served here).
 */
export function zoneFor(
  zones: ReadonlyMap<string, Zone>,
  character: SimCharacter,
  rides?: ReadonlyMap<string, Zone>,
): Zone | undefined {
  for (const zone of zones.values()) if (zone.player(character.id)) return zone;
  // in an instance run here: there; in one run elsewhere or gone: the open world (settleInstance)
  const instance = character.instanceId ? zones.get(character.instanceId) : undefined;
  return instance ?? rides?.get(character.id) ?? zones.get(character.zoneId);
}

/**
 * An authenticated socket enters the world. One session per account: an older
 * connection of the same account is kicked ('takeover'); the same character
 * continues its entity, any other character of the account leaves the world.
 */
export function handleConnection(ctx: ConnectionContext, socket: SimSocket): void {
  const auth = socket.data.auth;
  const zone = auth && zoneFor(ctx.zones, auth.character, ctx.sessions.rides);
  // closing: the handshake passed just before shutdown began; zones are being emptied
  if (!auth || !zone || ctx.isClosing()) {
    socket.disconnect(true);
    return;
  }
  const { userId, character, stats } = auth;
  const log = ctx.log.child({ userId, characterId: character.id, sid: socket.id });

  const previous = ctx.sessions.current(userId);
  for (const z of ctx.zones.values()) {
    for (const cid of z.characterIdsOfUser(userId))
      if (cid !== character.id) z.submit({ k: 'remove', characterId: cid });
  }

  const session: Session = {
    socket,
    userId,
    characterId: character.id,
    zone,
    conn: socketConnection(socket),
    guard: new BadPayloadGuard(ctx.clock),
    // character.stats_changed events (apps/sim/src/outbox-wiring.ts) refresh through it
    stats: new StatsRefresher(ctx.deps, {
      characterId: character.id,
      zone: () => session.zone,
      socket,
    }),
    lastInputAt: ctx.clock.ms(),
    afk: false,
  };
  ctx.sessions.set(session);

  const handlers: CommandContext = {
    session,
    sessions: ctx.sessions,
    matchmaking: ctx.matchmaking,
    trades: ctx.trades,
    push: ctx.pushes,
    ...(ctx.instances ? { instances: ctx.instances } : {}),
    clock: ctx.clock,
    log,
    deps: ctx.deps,
    zones: ctx.zones,
    loot: ctx.loot,
    items: ctx.items,
    stats: session.stats,
    actions: new RateWindow(ctx.clock, ACTION_LIMIT.limit, ACTION_LIMIT.windowMs),
    pings: new RateWindow(ctx.clock, PING_LIMIT.limit, PING_LIMIT.windowMs),
    fights: new RateWindow(ctx.clock, COMBAT_LIMIT.limit, COMBAT_LIMIT.windowMs),
  };
  listen(handlers);
  // quest and reputation notices reach the character here, in any zone, from any sim node
  void socket.join(characterRoom(character.id));
  // a ban or revoked sessions disconnects the account's sockets on every node (outbox-wiring),
  // signing out the web session that minted the ticket this one
  void socket.join(userRoom(userId));
  if (auth.loginSessionId) void socket.join(loginSessionRoom(auth.loginSessionId));
  // chat: the channel rooms, the rooms that keep blocked senders out, then the history
  joinChat(ctx.deps, socket, { characterId: character.id, zoneId: zone.id }).catch((err: unknown) =>
    log.error({ err }, 'joining chat failed'),
  );
  // the party's room and the party (it outlives reconnects and restarts)
  joinParty(ctx.deps, socket, character.id).catch((err: unknown) =>
    log.error({ err }, 'joining the party failed'),
  );
  // the guild's room (guild chat); membership changes move it through the outbox
  joinGuild(ctx.deps, socket, character.id).catch((err: unknown) =>
    log.error({ err }, 'joining the guild room failed'),
  );
  // the queue, ready check or match this character is in (it survives reconnects, on any process)
  ctx.matchmaking.status(character.id, 'status').then(
    (msg) => socket.emit('match:status', msg),
    (err: unknown) => log.error({ err }, 'reading the queue status failed'),
  );

  socket.on('disconnect', (reason) => {
    ctx.sessions.delete(session);
    // a trade ends when either side's client goes (its items freed at once)
    ctx.trades.left(character.id);
    // friends see it leave — unless a connection holds the character again within the grace
    ctx.presence.left(session);
    // on shutdown the zones save and drop everyone themselves
    if (ctx.isClosing()) return;
    // wherever the character is now: the metro may have taken it to another zone
    const at = session.zone;
    at.submit({ k: 'detach', characterId: character.id }, session.conn, (_err, kept) => {
      if (kept)
        log.info({ zone: at.id, reason }, 'client dropped; keeping character for reconnect');
    });
  });

  // attach before kicking: the old socket's disconnect then finds its connection
  // already replaced and does not start a reconnect window
  // an instance's arrivals appear at their team's gate; one not run here is settled
  const at = ctx.instances?.spawnFor(zone.id, character.id);
  if (character.instanceId && character.instanceId !== zone.id && ctx.instances)
    ctx.instances.settleElsewhere(character.instanceId, socket);
  zone.submit({ k: 'attach', character, stats, at }, session.conn, (err, res) => {
    if (err || !res) {
      log.error({ err }, 'entering the zone failed');
      socket.disconnect(true);
      return;
    }
    // health as the zone simulates it (a resumed entity kept its own)
    socket.emit('char:stats', { ...charStatsMsg(stats), health: res.player.health });
    if (previous) kick(previous.socket, { reason: 'takeover', message: TAKEN_OVER.message });
    // friends see it arrive (after the takeover: the old socket's leaving clears nothing of ours)
    announcePresence(ctx.deps, ctx.pushes, session).catch((err: unknown) =>
      log.warn({ err }, 'announcing presence failed'),
    );
    log.info(
      { zone: zone.id, resumed: res.resumed, takeover: previous !== undefined },
      'client entered zone',
    );
  });
}
