import { zoneById, type Bounds } from '@necp/shared';
import { DomainError } from '../core/errors';

/** The extent of a zone from content; drops can only lie in zones that exist. */
export function zoneBounds(zoneId: string): Bounds {
  const z = zoneById(zoneId);
  if (!z) throw new DomainError('NOT_FOUND', `zone ${zoneId} not found`, 'Unknown zone');
  return { width: z.width, height: z.height };
}
