import type { Character } from '@necp/db';
import { contactById, INTERACT_RANGE, type Contact } from '@necp/shared';
import { DomainError } from '../core/errors';

const unknownContact = (contactId: string) =>
  new DomainError('NOT_FOUND', `contact ${contactId} not found`, 'Unknown contact');

export function contactOrThrow(contactId: string): Contact {
  const c = contactById(contactId);
  if (!c) throw unknownContact(contactId);
  return c;
}

/**
 * Contacts are talked to and traded with (quests, dialogue, vendors) within INTERACT_RANGE in the same zone.
 * The character's stored position counts: the sim saves it at once when a
 * character crosses INTERACT_RANGE of a contact (like bank terminals).
 */
export function assertNearContact(
  c: Pick<Character, 'zoneId' | 'x' | 'y'>,
  contact: Pick<Contact, 'id' | 'name' | 'zoneId' | 'x' | 'y'>,
) {
  if (c.zoneId !== contact.zoneId || Math.hypot(contact.x - c.x, contact.y - c.y) > INTERACT_RANGE)
    throw new DomainError(
      'FORBIDDEN',
      `not within range of contact ${contact.id}`,
      `You need to be next to ${contact.name}`,
    );
}
