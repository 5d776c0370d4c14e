/**
 * Contacts (quest givers, vendors) and metro stations as the client sees them,
 * and which of them the own character can talk to / ride from right now. Pure
 * (positions in metres). The server checks INTERACT_RANGE against the position it
 * saved, which trails the predicted one a little: offering only within
 * INTERACT_RANGE − TALK_MARGIN keeps the hint from promising what it would refuse.
 */
import {
  INTERACT_RANGE,
  contactById,
  contactsInZone,
  distance,
  fromCm,
  metroStationAt,
  type EntityInfo,
  type Vec2,
  type ZoneInfo,
} from '@necp/shared';

/** metres inside INTERACT_RANGE before a contact or station counts as "near" */
export const TALK_MARGIN = 0.5;
/** offer talking / riding within this distance of the predicted position */
export const NEAR_RANGE = INTERACT_RANGE - TALK_MARGIN;

/** A contact entity in view (never a target, never a fighter). */
export interface WorldContact {
  eid: number;
  /** content id (contacts.ts) — the entity's templateId */
  contactId: string;
  name: string;
  /** "Fixer", "Ripperdoc" (content; empty for a contact this build does not know) */
  title: string;
  vendor: boolean;
  x: number;
  y: number;
}

/** Reads a `contact` entity from the wire; title and trade come from content. */
export function worldContact(e: EntityInfo): WorldContact {
  const contactId = e.templateId ?? '';
  const known = contactById(contactId);
  return {
    eid: e.eid,
    contactId,
    name: e.name || known?.name || contactId,
    title: known?.title ?? '',
    vendor: !!known?.vendorId,
    x: fromCm(e.x),
    y: fromCm(e.y),
  };
}

/** The nearest contact within `range` of `pos`, or null. */
export function nearestContact<T extends Vec2>(
  pos: Vec2,
  contacts: Iterable<T>,
  range = NEAR_RANGE,
): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const c of contacts) {
    const d = distance(pos, c);
    if (d <= range && d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

export type SpawnPoint = ZoneInfo['spawnPoints'][number];

/**
 * The metro station whose drawn ring `pos` stands in, or null (the shared metro
 * rule: the prompt shows on the ring itself; `slack` widens it to what the server
 * still accepts, so an open metro window stays open that far).
 */
export function stationInRange(zone: ZoneInfo, pos: Vec2, slack = 0): SpawnPoint | null {
  return metroStationAt(zone.spawnPoints, pos, slack);
}

/**
 * Where a contact stands: the entity in view when there is one (the server's
 * word), else content (a contact just outside the area of interest).
 */
export function contactPosition(
  contactId: string,
  inView: Iterable<WorldContact>,
  zoneId: string,
): (Vec2 & { name: string }) | null {
  for (const c of inView) if (c.contactId === contactId) return c;
  const known = contactById(contactId);
  return known && known.zoneId === zoneId ? known : null;
}

/**
 * Whether an open conversation or shop with `contactId` must close: the contact is
 * farther than the server's INTERACT_RANGE (it would refuse every choice), or is
 * not in this zone at all (after a metro ride).
 */
export function outOfTalkRange(
  pos: Vec2,
  contactId: string,
  inView: Iterable<WorldContact>,
  zoneId: string,
): boolean {
  const at = contactPosition(contactId, inView, zoneId);
  return !at || distance(pos, at) > INTERACT_RANGE;
}

/** One dot (and quest marker) per contact of the zone on the minimap: all of them, from content. */
export interface MapContact {
  contactId: string;
  x: number;
  y: number;
  marker: QuestMarker | null;
  vendor: boolean;
}
export type QuestMarker = '!' | '?';

export function mapContacts(zoneId: string, markers: Record<string, QuestMarker>): MapContact[] {
  return contactsInZone(zoneId).map((c) => ({
    contactId: c.id,
    x: c.x,
    y: c.y,
    marker: markers[c.id] ?? null,
    vendor: !!c.vendorId,
  }));
}
