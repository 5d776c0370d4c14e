import type { Clock, Log, SimCharacter } from '@necp/game';
import type { HandlerContext } from '../handlers/context';
import { registerNetHandlers } from '../handlers/net';
import { registerUnknownEventGuard } from '../handlers/unknown';
import { registerZoneHandlers } from '../handlers/zone';
import { BadPayloadGuard } from '../net/bad-payload-guard';
import type { SimSocket } from '../net/types';
import type { Zone } from '../zone/zone';
import { kick, type Session, type SessionRegistry } from './sessions';
import { socketConnection } from './socket-connection';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(['zone:move', 'net:ping']);

export interface ConnectionContext {
  zones: ReadonlyMap<string, Zone>;
  sessions: SessionRegistry;
  clock: Clock;
  log: Log;
  isClosing(): boolean;
}

/** The zone that holds the character's live entity, else the zone it was saved in (if served here). */
export function zoneFor(
  zones: ReadonlyMap<string, Zone>,
  character: SimCharacter,
): Zone | undefined {
  for (const zone of zones.values()) if (zone.player(character.id)) return zone;
  return zones.get(character.zoneId);
}

/**
 * An authenticated socket enters the world. One session per account: an older
 * connection of the same account is kicked ('takeover'); the same character
 * continues its entity, any other character of the account leaves the world.
 */
export function handleConnection(ctx: ConnectionContext, socket: SimSocket): void {
  const auth = socket.data.auth;
  const zone = auth && zoneFor(ctx.zones, auth.character);
  // closing: the handshake passed just before shutdown began; zones are being emptied
  if (!auth || !zone || ctx.isClosing()) {
    socket.disconnect(true);
    return;
  }
  const { userId, character } = auth;
  const log = ctx.log.child({ userId, characterId: character.id, sid: socket.id });

  const previous = ctx.sessions.current(userId);
  for (const z of ctx.zones.values()) {
    for (const cid of z.characterIdsOfUser(userId)) if (cid !== character.id) z.remove(cid);
  }

  const session: Session = {
    socket,
    userId,
    characterId: character.id,
    zone,
    conn: socketConnection(socket),
    guard: new BadPayloadGuard(ctx.clock),
  };
  ctx.sessions.set(session);

  const handlers: HandlerContext = { session, clock: ctx.clock, log };
  registerZoneHandlers(handlers);
  registerNetHandlers(handlers);
  registerUnknownEventGuard(handlers, KNOWN_EVENTS);

  socket.on('disconnect', (reason) => {
    ctx.sessions.delete(session);
    // on shutdown the zones save and drop everyone themselves
    if (ctx.isClosing()) return;
    if (zone.detach(character.id, session.conn))
      log.info({ reason }, 'client dropped; keeping character for reconnect');
  });

  // attach before kicking: the old socket's disconnect then finds its connection
  // already replaced and does not start a reconnect window
  const { resumed } = zone.attach(character, session.conn);
  if (previous)
    kick(previous.socket, { reason: 'takeover', message: 'You connected from somewhere else.' });
  log.info({ zone: zone.id, resumed, takeover: previous !== undefined }, 'client entered zone');
}
