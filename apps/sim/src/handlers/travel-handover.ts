import { ZONES, metroStations, type TravelResult } from '@necp/shared';
import { simUrlForZone } from '@necp/game';
import { NO_METRO_LINE, SimRefusal } from '../net/refusals';
import { carriedCombat } from '../zone/zone-commands';
import type { Player } from '../zone/player';
import type { CommandContext } from './command';
import { arrivalOf } from './travel-arrival';

/** The old connection of a rider handed over is closed this long after the ack (the client closes it first). */
export const HANDOVER_CLOSE_MS = 5_000;

/**
 * The metro to a district another sim process runs (cluster: zone leases). The
 * departing zone judges and applies the departure in its tick and saves the rider
 * at the destination's station — fenced with its own lease token — and the ride
 * is acked with the owner's URL only once that save is stored: the client then
 * fetches a fresh ticket (it names the owner) and connects there. If the save did
 * not land (database trouble, or this process just lost the zone) the rider is put
 * back where it stood and the ride refused.
 *
 * Cooldowns, the GCD and resource do not cross processes (the new owner starts
 * them fresh); health, level and position do (they are in the saved row).
 */
export async function rideMetroAway(ctx: CommandContext, to: string): Promise<TravelResult> {
  const { characterId, userId, conn } = ctx.session;
  const from = ctx.session.zone;
  const content = ZONES.find((z) => z.id === to && z.live);
  const station = content && metroStations(content.spawnPoints)[0];
  // one process without Redis runs every zone it may: the others are not served at all
  if (!content || !station || !ctx.deps.redis) throw new SimRefusal(NO_METRO_LINE);
  // UNAVAILABLE ("starting up") while no process owns it: nothing has moved yet
  const simUrl = await simUrlForZone(ctx.deps, to);
  const handover = { zoneId: to, x: station.x, y: station.y };
  const departed = await from.ask({ k: 'depart', characterId, to, handover }, conn);
  if (!departed.ok) throw new SimRefusal(departed.refusal);
  if (await from.landed(characterId)) return { zoneId: to, zoneName: content.name, simUrl };

  const left: Readonly<Player> = departed.player;
  const back = arrivalOf(left, userId, from.id, left);
  await from.ask(
    {
      k: 'attach',
      character: back.character,
      stats: back.stats,
      at: left,
      carry: carriedCombat(left),
    },
    conn,
  );
  throw new SimRefusal({
    code: 'INVALID_STATE',
    message: 'The metro is not running right now. Try again.',
  });
}
