/**
 * Shared XP of a party kill (docs/social.md, "Shared XP"). A party shares a kill
 * when one of its members earned credit for it; the members who share are those
 * with credit and those alive within PARTY_SHARE_RANGE of the corpse in the same
 * district. The party's pool is what one member of the group's highest level would
 * earn (so a high level cannot power-level low ones: a grey kill for the highest
 * gives nobody anything), plus PARTY_XP_BONUS per extra member; each member gets a
 * share of the pool proportional to its level.
 */
import type { NpcRank } from '../content/npc-schema';
import { xpForKill } from './combat';

/** metres from the corpse within which party members share a kill */
export const PARTY_SHARE_RANGE = 50;
/** the pool grows by this fraction of the base per member beyond the first */
export const PARTY_XP_BONUS = 0.1;

export interface PartyXpMember {
  characterId: string;
  level: number;
}

/** characterId → XP for each member of one party sharing a kill (members in any order). */
export function splitPartyXp(
  npc: { level: number; rank: NpcRank },
  members: readonly PartyXpMember[],
): Map<string, number> {
  const out = new Map<string, number>();
  if (members.length === 0) return out;
  const top = Math.max(...members.map((m) => m.level));
  const base = xpForKill(npc.level, top, npc.rank);
  const pool = base * (1 + PARTY_XP_BONUS * (members.length - 1));
  const levels = members.reduce((a, m) => a + m.level, 0);
  for (const m of members) out.set(m.characterId, Math.floor((pool * m.level) / levels));
  return out;
}
