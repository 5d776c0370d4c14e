import { toCm, type EntityInfo } from '@necp/shared';
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
    freeAt: d.freeAt,
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
