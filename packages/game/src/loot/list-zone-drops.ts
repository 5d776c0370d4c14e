import type { GameDeps } from '../core/deps';
import { dropInclude, toZoneDrop, type ZoneDrop } from './zone-drop';

/** Every drop still lying in a zone (the sim loads these at start, so drops survive a restart). */
export async function listZoneDrops(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  zoneId: string,
): Promise<ZoneDrop[]> {
  const rows = await deps.db.worldDrop.findMany({
    where: { zoneId, despawnAt: { gt: deps.clock.now() } },
    include: dropInclude,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toZoneDrop);
}
