/**
 * The stops the metro window lists: every live district with its station, the
 * current one marked, and a warning when the district is far above your level.
 * Pure (content in, rows out).
 */
import { isMetroStation, metroStations, type ZoneContent } from '@necp/shared';

export interface MetroStop {
  zoneId: string;
  name: string;
  stationName: string | null;
  minLevel: number;
  maxLevel: number;
  here: boolean;
  /** 'danger': below the district's minimum level; 'deadly': 10+ levels below */
  danger: 'danger' | 'deadly' | null;
  /** the line colour of the stop */
  color: string;
}

const LINE_COLORS = ['#00f0ff', '#ff2bd6', '#fcee0a', '#9d5cff', '#3dff8f'];

export function metroStops(
  zones: readonly Pick<
    ZoneContent,
    'id' | 'name' | 'minLevel' | 'maxLevel' | 'live' | 'spawnPoints'
  >[],
  currentZoneId: string | null,
  level: number,
): MetroStop[] {
  return zones
    .filter((z) => z.live && z.spawnPoints.some(isMetroStation))
    .map((z, i) => ({
      zoneId: z.id,
      name: z.name,
      stationName: metroStations(z.spawnPoints)[0]?.name ?? null,
      minLevel: z.minLevel,
      maxLevel: z.maxLevel,
      here: z.id === currentZoneId,
      danger: level >= z.minLevel ? null : z.minLevel - level >= 10 ? 'deadly' : 'danger',
      color: LINE_COLORS[i % LINE_COLORS.length]!,
    }));
}
