/**
 * The threat table of an NPC: who it is angry at and how much. Damage adds
 * threat (× the ability's threat multiplier), healing an NPC's enemy adds threat
 * to the healer; the highest valid entry is attacked. Map insertion order keeps
 * ties stable: the earliest attacker wins a tie.
 */
import { HEAL_THREAT_FACTOR } from './ai-constants';
import type { Npc } from './npc';

type HasThreat = Pick<Npc, 'threat'>;

export function addThreat(npc: HasThreat, eid: number, amount: number): void {
  if (!Number.isFinite(amount) || amount <= 0) return;
  npc.threat.set(eid, (npc.threat.get(eid) ?? 0) + amount);
}

/** The eid with the most threat among those `isValid` accepts; ties go to the earliest added. */
export function topThreat(npc: HasThreat, isValid: (eid: number) => boolean): number | null {
  let best: number | null = null;
  let bestThreat = -Infinity;
  for (const [eid, threat] of npc.threat) {
    if (threat > bestThreat && isValid(eid)) {
      best = eid;
      bestThreat = threat;
    }
  }
  return best;
}

/** The target died or left: it is forgotten. */
export function dropThreat(npc: HasThreat, eid: number): void {
  npc.threat.delete(eid);
}

export function clearThreat(npc: HasThreat): void {
  npc.threat.clear();
}

/**
 * A heal of `amount` on `healedEid` makes every NPC already fighting the healed
 * player angry at the healer for half the heal. Leashing and dead NPCs ignore it.
 */
export function addHealingThreat(
  npcs: Iterable<Npc>,
  healerEid: number,
  healedEid: number,
  amount: number,
): void {
  for (const npc of npcs) {
    if (npc.ai.state === 'dead' || npc.ai.state === 'leash') continue;
    if (!npc.threat.has(healedEid)) continue;
    addThreat(npc, healerEid, amount * HEAL_THREAT_FACTOR);
  }
}
