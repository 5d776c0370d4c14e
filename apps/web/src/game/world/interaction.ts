/**
 * What the own character can interact with right now: the nearest loot drop or
 * crate within reach, and a bank terminal within BANK_RANGE. Pure (positions in
 * metres); the server re-checks every range, this only drives hints and keys.
 */
import { distance, dropReservedText, mayLootDrop, type Vec2, type ZoneInfo } from '@necp/shared';

export interface GroundDrop {
  eid: number;
  templateId: string;
  name: string;
  rarity: string;
  quantity: number;
  x: number;
  y: number;
  ownerCharacterId: string | null;
  /** the owner's name (the prompt says whose it is); null: none or unknown */
  ownerName: string | null;
  /** epoch ms when anyone may loot it */
  freeAt: number;
  /** a party's loot: its members may loot it before freeAt too */
  partyId: string | null;
  /** held for the party's need/greed roll */
  rolling: boolean;
}

export interface GroundCrate {
  eid: number;
  name: string;
  x: number;
  y: number;
}

/** Loot rights (the shared rule the sim and the domain apply): is it yours to take now? */
export const canLoot = (
  d: GroundDrop,
  characterId: string,
  nowMs: number,
  partyId: string | null = null,
) => mayLootDrop(d, characterId, d.partyId !== null && d.partyId === partyId, nowMs);

/** Why a drop is not yours yet, as the prompt says it ("Reserved for Kira — free in 23 s"). */
export const reservedText = (d: GroundDrop, nowMs: number) =>
  d.rolling
    ? 'Held for a need/greed roll'
    : dropReservedText({
        ownerName: d.ownerName,
        party: d.partyId !== null,
        freeAt: d.freeAt,
        nowMs,
      });

export type Reachable =
  | {
      kind: 'drop';
      eid: number;
      name: string;
      rarity: string;
      quantity: number;
      locked: boolean;
      /** while locked: whose it is and when it frees */
      reserved: string | null;
    }
  | { kind: 'crate'; eid: number; name: string };

/**
 * What F takes within `range`: a lootable drop first (the nearest), then a crate,
 * then a drop that is not yours yet (the hint says so). A crate's own loot lands
 * around it, so the crate must not get in the way of picking it up.
 */
export function nearestReachable(
  pos: Vec2,
  drops: Iterable<GroundDrop>,
  crates: Iterable<GroundCrate>,
  range: number,
  characterId: string,
  nowMs: number,
  partyId: string | null = null,
): Reachable | null {
  // lower rank wins; within a rank the nearest
  let best: { d: number; r: Reachable; rank: number } | null = null;
  const consider = (d: number, r: Reachable, rank: number) => {
    if (d > range) return;
    if (!best || rank < best.rank || (rank === best.rank && d < best.d)) best = { d, r, rank };
  };
  for (const d of drops) {
    const locked = !canLoot(d, characterId, nowMs, partyId);
    consider(
      distance(pos, d),
      {
        kind: 'drop',
        eid: d.eid,
        name: d.name,
        rarity: d.rarity,
        quantity: d.quantity,
        locked,
        reserved: locked ? reservedText(d, nowMs) : null,
      },
      locked ? 2 : 0,
    );
  }
  for (const c of crates)
    consider(distance(pos, c), { kind: 'crate', eid: c.eid, name: c.name }, 1);
  return (best as { r: Reachable } | null)?.r ?? null;
}

export type SpawnPoint = ZoneInfo['spawnPoints'][number];

/** The nearest terminal of `kind` (bank, mail, auction) within `range` metres, or null. */
export function terminalInRange(
  zone: Pick<ZoneInfo, 'spawnPoints'>,
  pos: Vec2,
  kind: SpawnPoint['kind'],
  range: number,
): SpawnPoint | null {
  let best: SpawnPoint | null = null;
  let bestD = Infinity;
  for (const p of zone.spawnPoints) {
    if (p.kind !== kind) continue;
    const d = distance(pos, p);
    if (d <= range && d < bestD) {
      best = p;
      bestD = d;
    }
  }
  return best;
}
