import { toCm, type Contact, type EntityInfo } from '@necp/shared';
import type { ZoneDrop } from '@necp/game';

/** An item lying on the ground: a WorldDrop row mirrored into the zone so clients see it. */
export interface DropEntity extends ZoneDrop {
  readonly kind: 'drop';
  readonly eid: number;
}

/** A supply crate at a `loot_crate` spawn point; opening it rolls its loot table into a drop. */
export interface CrateEntity {
  readonly kind: 'crate';
  readonly eid: number;
  readonly spawnId: string;
  readonly name: string;
  readonly lootTable: string;
  /** metres */
  readonly x: number;
  readonly y: number;
}

/**
 * A contact (content/contacts.ts): a non-combat person players talk and trade
 * with. Shown like a crate — it never moves, fights or can be targeted.
 */
export interface ContactEntity {
  readonly kind: 'contact';
  readonly eid: number;
  readonly contactId: string;
  readonly name: string;
  /** metres */
  readonly x: number;
  readonly y: number;
}

export const contactEntity = (eid: number, c: Contact): ContactEntity => ({
  kind: 'contact',
  eid,
  contactId: c.id,
  name: c.name,
  x: c.x,
  y: c.y,
});

export function dropInfo(d: DropEntity): EntityInfo {
  return {
    eid: d.eid,
    kind: 'drop',
    name: d.name,
    level: 0,
    health: 0,
    maxHealth: 0,
    x: toCm(d.x),
    y: toCm(d.y),
    item: { templateId: d.templateId, quantity: d.quantity, rarity: d.rarity },
    ownerCharacterId: d.ownerCharacterId,
    ...(d.ownerName ? { ownerName: d.ownerName } : {}),
    freeAt: d.freeAt,
    // party loot: only when there is some (the common drop's info stays as small as before)
    ...(d.partyId ? { partyId: d.partyId } : {}),
    ...(d.rollUntil !== null ? { rollUntil: d.rollUntil } : {}),
  };
}

export function crateInfo(c: CrateEntity): EntityInfo {
  return {
    eid: c.eid,
    kind: 'crate',
    name: c.name,
    level: 0,
    health: 0,
    maxHealth: 0,
    x: toCm(c.x),
    y: toCm(c.y),
  };
}

/** templateId is the contact id: the client looks up title, dialogue and vendor in content. */
export function contactInfo(c: ContactEntity): EntityInfo {
  return {
    eid: c.eid,
    kind: 'contact',
    name: c.name,
    level: 0,
    health: 0,
    maxHealth: 0,
    x: toCm(c.x),
    y: toCm(c.y),
    templateId: c.contactId,
  };
}
