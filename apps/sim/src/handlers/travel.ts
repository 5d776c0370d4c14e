import {
  METRO_SERVER_SLACK,
  ZoneTravelSchema,
  inCombat,
  metroStationAt,
  metroStations as stationsOf,
  type TravelResult,
  type Vec2,
  type WelcomeMsg,
} from '@necp/shared';
import { DomainError, type SimCharacter } from '@necp/game';
import { asReply, deadRefusal, replyError, replyOk, toAckError } from '../net/ack';
import type { PlayerStats } from '../zone/player';
import type { Zone } from '../zone/zone';
import { rateLimited, type CommandContext } from './command';
import { parsePayload, safely } from './context';

/** A zone's metro stations (spawn points of kind metro_station). */
export const metroStations = (zone: Zone): Vec2[] => stationsOf(zone.info.spawnPoints);

const refuse = (code: 'INVALID_STATE' | 'NOT_FOUND', message: string) =>
  new DomainError(code, message, message);

/**
 * zone:travel { to } — ride the metro from a station of the current zone to the
 * station of another zone served by this process. Acked with the destination,
 * then a zone:welcome for it arrives on the same connection. Shares the action
 * budget of the other commands.
 */
export function registerTravelHandlers(ctx: CommandContext): void {
  ctx.session.socket.on(
    'zone:travel',
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<TravelResult>(ack);
      const travel = parsePayload(ctx, ZoneTravelSchema, input, reply);
      if (!travel) return;
      if (!ctx.actions.take()) return replyError(reply, rateLimited);
      let arrival: { result: TravelResult; welcome: WelcomeMsg };
      try {
        arrival = rideMetro(ctx, travel.to);
      } catch (err) {
        return replyError(reply, toAckError(err, ctx.log));
      }
      // the ack first, so the client knows the welcome that follows is the new district
      replyOk(reply, arrival.result);
      ctx.session.conn.welcome(arrival.welcome);
      ctx.log.info({ zone: arrival.result.zoneId }, 'rode the metro');
    }),
  );
}

/**
 * Moves the session's character from its zone's metro station to `to`'s, all in
 * this tick's gap (nothing async): out of the old zone (saved there), into the
 * new one at its station (saved with the new zone at once), same connection.
 * Health, level, speed, ability cooldowns and resource go along.
 */
export function rideMetro(
  ctx: CommandContext,
  to: string,
): { result: TravelResult; welcome: WelcomeMsg } {
  const { characterId, userId, conn } = ctx.session;
  const from = ctx.session.zone;
  const p = from.player(characterId);
  if (!p || p.conn !== conn) throw refuse('INVALID_STATE', 'Not in the zone.');
  if (p.combat.dead) throw deadRefusal();
  if (inCombat(p.combat.lastCombatAt, ctx.clock.ms()))
    throw refuse('INVALID_STATE', "You can't ride the metro in combat.");
  // the one metro rule (shared), with the slack for the client's prediction lead
  if (!metroStationAt(from.info.spawnPoints, p, METRO_SERVER_SLACK))
    throw refuse('INVALID_STATE', 'You need to be at a metro station.');
  if (to === from.id) throw refuse('INVALID_STATE', `You are already in ${from.info.name}.`);
  const dest = ctx.zones.get(to);
  const station = dest && metroStations(dest)[0];
  if (!dest || !station) throw refuse('NOT_FOUND', 'No metro line goes there.');
  if (dest.player(characterId))
    throw new Error(`character ${characterId} is already in ${dest.id}`);

  // a cast in progress ends here (watchers see it interrupted)
  from.cancelCast(characterId, conn);
  const left = from.leave(characterId, conn);
  if (!left) throw refuse('INVALID_STATE', 'Not in the zone.');
  const character: SimCharacter = {
    id: characterId,
    userId,
    name: left.name,
    level: left.level,
    classId: left.classId,
    health: left.health,
    maxHealth: left.maxHealth,
    zoneId: dest.id,
    x: station.x,
    y: station.y,
  };
  const stats: PlayerStats = {
    speed: left.speed,
    health: left.health,
    maxHealth: left.maxHealth,
    level: left.level,
    classId: left.classId,
    combat: left.combat.stats,
  };
  const { welcome } = dest.attach(character, conn, stats, {
    at: station,
    from: left,
    sendWelcome: false,
  });
  ctx.session.zone = dest;
  return { result: { zoneId: dest.id, zoneName: dest.info.name }, welcome };
}
