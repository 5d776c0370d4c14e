import { changeDistrict } from '../chat/chat-rooms';
import { announcePresence } from '../chat/presence';
import {
  ZoneTravelSchema,
  metroStations as stationsOf,
  type TravelResult,
  type Vec2,
  type WelcomeMsg,
} from '@necp/shared';
import { asReply, replyError, replyOk, toAckError } from '../net/ack';
import { NOT_IN_ZONE, NO_METRO_LINE, SLOW_DOWN, SimRefusal, TAKEN_OVER } from '../net/refusals';
import { departureRefusal } from '../zone/metro-departure';
import { carriedCombat } from '../zone/zone-commands';
import type { Zone } from '../zone/zone';
import type { CommandContext, EventHandler } from './command';
import { parsePayload } from './context';
import { arrivalOf } from './travel-arrival';
import { HANDOVER_CLOSE_MS, rideMetroAway } from './travel-handover';

/** A zone's metro stations (spawn points of kind metro_station). */
export const metroStations = (zone: Zone): Vec2[] => stationsOf(zone.info.spawnPoints);

/**
 * zone:travel { to } — ride the metro from a station of the current zone to the
 * station of another zone. Served by this process: acked with the destination,
 * then a zone:welcome for it arrives on the same connection. Served by another
 * process: acked with its URL once the rider is saved there (travel-handover.ts).
 * Shares the action budget of the other commands.
 */
export const travelHandlers = {
  'zone:travel': (ctx, input, ack) => {
    const reply = asReply<TravelResult>(ack);
    const travel = parsePayload(ctx, ZoneTravelSchema, input, reply);
    if (!travel) return;
    if (!ctx.actions.take()) return replyError(reply, SLOW_DOWN);
    const ride = ctx.zones.has(travel.to)
      ? rideMetro(ctx, travel.to)
      : rideMetroAway(ctx, travel.to).then((result) => ({ result, welcome: undefined }));
    ride.then(
      (arrival) => {
        // the ack first, so the client knows the welcome that follows is the new district
        replyOk(reply, arrival.result);
        if (arrival.welcome) ctx.session.conn.welcome(arrival.welcome);
        else {
          // handed over to another process: this connection has nothing left to do
          const socket = ctx.session.socket;
          setTimeout(() => socket.disconnect(true), HANDOVER_CLOSE_MS).unref();
        }
        ctx.log.info(
          { zone: arrival.result.zoneId, handover: arrival.result.simUrl },
          'rode the metro',
        );
      },
      (err: unknown) => replyError(reply, toAckError(err, ctx.log)),
    );
  },
} satisfies Record<string, EventHandler>;

/**
 * Moves the session's character from its zone's metro station to `to`'s: a
 * `depart` command for the old zone (judged and applied in its tick: out, saved
 * there, a cast in progress interrupted), then an `attach` for the new one at its
 * station (saved with the new zone at once), same connection. Health, level,
 * speed, ability cooldowns and resource go along.
 */
export async function rideMetro(
  ctx: CommandContext,
  to: string,
): Promise<{ result: TravelResult; welcome: WelcomeMsg }> {
  const { characterId, userId, conn } = ctx.session;
  const from = ctx.session.zone;
  const p = from.player(characterId);
  if (!p || p.conn !== conn) throw new SimRefusal(NOT_IN_ZONE);
  // a quick answer from the state of the last tick; the departing tick judges again
  const early = departureRefusal(p, from.info, to, ctx.clock.ms());
  if (early) throw new SimRefusal(early);
  const dest = ctx.zones.get(to);
  const station = dest && metroStations(dest)[0];
  if (!dest || !station) throw new SimRefusal(NO_METRO_LINE);
  if (dest.player(characterId))
    throw new Error(`character ${characterId} is already in ${dest.id}`);

  const departed = await from.ask({ k: 'depart', characterId, to }, conn);
  if (!departed.ok) throw new SimRefusal(departed.refusal);
  const left = departed.player;
  // a new connection took the character over while the depart waited for its tick:
  // it attached in the old zone (after this depart, from the leaving save), so the ride ends here
  // (a client that only dropped rides on: it gets its reconnect window at the destination)
  const taker = ctx.sessions.current(userId);
  if (taker && taker !== ctx.session) throw new SimRefusal(TAKEN_OVER);
  const { character, stats } = arrivalOf(left, userId, dest.id, station);
  // the session follows at once: what the client sends meanwhile goes to the new zone,
  // and so does a connection that arrives before the attach is applied (zoneFor)
  ctx.session.zone = dest;
  changeDistrict(ctx.session.socket, from.id, dest.id);
  announcePresence(ctx.deps, ctx.push, ctx.session).catch((err: unknown) =>
    ctx.log.warn({ err }, 'announcing presence failed'),
  );
  ctx.sessions.rides.set(characterId, dest);
  let welcome: WelcomeMsg;
  try {
    ({ welcome } = await dest.ask(
      {
        k: 'attach',
        character,
        stats,
        at: station,
        carry: carriedCombat(left),
        sendWelcome: false,
      },
      conn,
    ));
  } finally {
    if (ctx.sessions.rides.get(characterId) === dest) ctx.sessions.rides.delete(characterId);
  }
  // the account connected meanwhile with another of its characters: this one leaves the world
  const current = ctx.sessions.current(userId);
  if (current && current !== ctx.session && current.characterId !== characterId)
    dest.submit({ k: 'remove', characterId });
  // the client left during the ride: it starts its reconnect window in the new zone
  if (!ctx.session.socket.connected) dest.submit({ k: 'detach', characterId }, conn);
  return { result: { zoneId: dest.id, zoneName: dest.info.name }, welcome };
}
