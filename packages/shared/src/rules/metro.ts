/**
 * Metro stations: one rule for where you may ride from, used by the web client
 * (the ring it draws, the "T metro" prompt, the metro window) and by the sim's
 * zone:travel check. The ring on the street is drawn at METRO_RANGE, the prompt
 * shows inside it, and the server accepts a little more (METRO_SERVER_SLACK: the
 * client's predicted position runs ahead of the server's by a step or two), so
 * whatever the client offers, the server grants.
 */
import { INTERACT_RANGE } from '../content/contact-schema';
import { distance, type Vec2 } from './movement';

/** metres from a station's centre: the drawn ring and the client's prompt */
export const METRO_RANGE = INTERACT_RANGE;
/** metres the server adds on top of METRO_RANGE for the prediction lead */
export const METRO_SERVER_SLACK = 0.75;

export interface StationLike extends Vec2 {
  kind: string;
}

export const isMetroStation = (p: { kind: string }) => p.kind === 'metro_station';

/** A zone's metro stations, in content order. */
export function metroStations<T extends StationLike>(spawnPoints: readonly T[]): T[] {
  return spawnPoints.filter(isMetroStation);
}

/**
 * The nearest station whose ring `pos` stands in, or null. The client asks with
 * no slack; the server passes METRO_SERVER_SLACK.
 */
export function metroStationAt<T extends StationLike>(
  spawnPoints: readonly T[],
  pos: Vec2,
  slack = 0,
): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const s of metroStations(spawnPoints)) {
    const d = distance(pos, s);
    if (d <= METRO_RANGE + slack && d < bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}
