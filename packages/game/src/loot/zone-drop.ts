import type { Prisma } from '@necp/db';
import type { Rarity } from '@necp/shared';
import { closedSet } from '../core/closed-columns';

/** A drop lying in a zone, as the sim shows it: the WorldDrop row joined with its item and template. */
export interface ZoneDrop {
  id: string;
  zoneId: string;
  /** metres */
  x: number;
  y: number;
  itemId: string;
  templateId: string;
  /** the template's display name */
  name: string;
  rarity: Rarity;
  quantity: number;
  /** who may pick it up before `freeAt`; null: anyone (or the party, or nobody while rolled for) */
  ownerCharacterId: string | null;
  /** the owner's name (shown: "Reserved for Kira — free in 23 s"); null with no owner */
  ownerName: string | null;
  /** a party's loot: its members may pick it up before `freeAt` too */
  partyId: string | null;
  /** epoch ms: a need/greed roll holds it until decided (at the latest then); null: none */
  rollUntil: number | null;
  /** epoch ms */
  freeAt: number;
  despawnAt: number;
}

export const dropInclude = {
  item: { include: { template: true } },
  owner: { select: { name: true } },
} as const satisfies Prisma.WorldDropInclude;

type DropRow = Prisma.WorldDropGetPayload<{ include: typeof dropInclude }>;

export function toZoneDrop(row: DropRow): ZoneDrop {
  return {
    id: row.id,
    zoneId: row.zoneId,
    x: row.x,
    y: row.y,
    itemId: row.itemId,
    templateId: row.item.templateId,
    name: row.item.template.name,
    rarity: closedSet.ItemTemplate.rarity.parse(row.item.template.rarity),
    quantity: row.item.quantity,
    ownerCharacterId: row.ownerCharacterId,
    ownerName: row.owner?.name ?? null,
    partyId: row.partyId,
    rollUntil: row.rollUntil?.getTime() ?? null,
    freeAt: row.freeAt.getTime(),
    despawnAt: row.despawnAt.getTime(),
  };
}
