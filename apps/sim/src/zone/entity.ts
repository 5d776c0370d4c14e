import type { EntityInfo } from '@necp/shared';
import type { Npc } from '../npc/npc';
import { npcInfo } from './npc-info';
import { playerInfo, type Player } from './player';
import {
  contactInfo,
  crateInfo,
  dropInfo,
  type ContactEntity,
  type CrateEntity,
  type DropEntity,
} from './world-objects';

/** Everything with an eid in a zone's AOI grid. */
export type Entity = Player | Npc | DropEntity | CrateEntity | ContactEntity;

/** What a client is told when the entity enters its view. */
export function entityInfo(e: Entity, now: number): EntityInfo {
  switch (e.kind) {
    case 'player':
      return playerInfo(e, now);
    case 'npc':
      return npcInfo(e, now);
    case 'drop':
      return dropInfo(e);
    case 'crate':
      return crateInfo(e);
    case 'contact':
      return contactInfo(e);
  }
}
