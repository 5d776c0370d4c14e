import { parseInstanceZoneId, zoneById, type Bounds } from '@necp/shared';
import { DomainError } from '../core/errors';

/**
 * The extent of a zone from content; drops can only lie in zones that exist — an
 * open-world zone, or an instance (its template's map under the instance's id).
 */
export function zoneBounds(zoneId: string): Bounds {
  const z = zoneById(zoneId) ?? parseInstanceZoneId(zoneId)?.template.content;
  if (!z) throw new DomainError('NOT_FOUND', `zone ${zoneId} not found`, 'Unknown zone');
  return { width: z.width, height: z.height };
}
