import type { Character, Item } from '@necp/db';
import {
  factionById,
  vendorById,
  vendorPriceMultiplier,
  type Contact,
  type ReputationTier,
  type Vendor,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { standingOf } from '../reputation/read-standings';
import { assertNearContact, contactOrThrow } from '../contacts/contact-range';
import { notAVendor, refusesToTrade } from './errors';
import { getLiveCharacter } from '../characters/get-owned-character';

/** Everything a vendor operation has checked before it trades. */
export interface VendorSession {
  character: Character;
  /** the character's bag and equipment (locked when the session locks) */
  items: Item[];
  contact: Contact;
  vendor: Vendor;
  faction: {
    id: string;
    name: string;
    standing: number;
    tier: ReputationTier;
    /** price factor of the tier (never null here: hostile is refused) */
    multiplier: number;
  };
  now: Date;
}

export interface VendorRef {
  characterId: string;
  contactId: string;
}

/**
 * Opens a vendor session inside the caller's transaction: a live character
 * (NOT_FOUND otherwise), a contact that trades, the character within
 * INTERACT_RANGE of it, and a standing the vendor's faction trades at (hostile:
 * FORBIDDEN). With `lock` the character row and its items are locked first
 * (account → character → items, like every inventory service), so the checks
 * hold until commit.
 */
export async function openVendorSession(
  tx: Tx,
  ref: VendorRef,
  now: Date,
  opts: { lock: boolean },
): Promise<VendorSession> {
  let character: Character;
  let items: Item[];
  if (opts.lock) {
    character = await lockCharacter(tx, ref.characterId);
    items = await lockCharacterItems(tx, character.id);
  } else {
    character = await getLiveCharacter({ db: tx }, ref.characterId);
    items = await tx.item.findMany({
      where: { characterId: character.id, container: { in: ['BAG', 'EQUIPMENT'] } },
      orderBy: [{ container: 'asc' }, { slot: 'asc' }],
    });
  }

  const contact = contactOrThrow(ref.contactId);
  const vendor = contact.vendorId ? vendorById(contact.vendorId) : undefined;
  if (!vendor) throw notAVendor(contact);
  assertNearContact(character, contact);

  const { standing, tier } = await standingOf(tx, character.id, vendor.factionId);
  const multiplier = vendorPriceMultiplier(tier);
  if (multiplier === null) throw refusesToTrade(contact);
  const name = factionById(vendor.factionId)?.name ?? vendor.factionId;
  return {
    character,
    items,
    contact,
    vendor,
    faction: { id: vendor.factionId, name, standing, tier, multiplier },
    now,
  };
}
