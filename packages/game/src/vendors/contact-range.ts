import type { Character } from '@necp/db';
import { INTERACT_RANGE, type Contact } from '@necp/shared';
import { notNearContact } from './errors';

/**
 * Trading happens next to the contact. The character's stored position is what
 * counts: the sim saves it at once when a character crosses INTERACT_RANGE of a
 * contact (as it does for bank terminals).
 */
export function assertNearContact(
  c: Pick<Character, 'zoneId' | 'x' | 'y'>,
  contact: Pick<Contact, 'id' | 'name' | 'zoneId' | 'x' | 'y'>,
): void {
  const near =
    c.zoneId === contact.zoneId && Math.hypot(contact.x - c.x, contact.y - c.y) <= INTERACT_RANGE;
  if (!near) throw notNearContact(contact);
}
