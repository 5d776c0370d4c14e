import {
  applyReputationChange,
  factionById,
  standingWith,
  tierForStanding,
  type ReputationChangeView,
  type ReputationDelta,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { lockCharacter } from '../core/row-locks';
import { readStandings } from './read-standings';

/** What caused a change (ReputationEvent.reason). Rival losses caused by a gain are 'spillover'. */
export type ReputationReason = 'quest' | 'kill' | 'dialogue' | 'admin';

export interface ChangeReputationInput {
  characterId: string;
  changes: readonly ReputationDelta[];
  reason: ReputationReason;
  /** quest id, NPC template, dialogue node … */
  ref?: string;
}

/**
 * Applies reputation deltas inside the caller's transaction: locks the character
 * row (so concurrent changes to one character's standings serialize), applies each
 * delta with the pure rule (clamping, rival spill-over, factions players cannot
 * improve), writes the standings that moved and one ReputationEvent per faction
 * that moved. Returns one view per faction whose standing changed, in the order
 * they first changed.
 */
export async function changeReputationTx(
  tx: Tx,
  input: ChangeReputationInput,
): Promise<ReputationChangeView[]> {
  await lockCharacter(tx, input.characterId);
  const before = await readStandings(tx, input.characterId);
  let now: Record<string, number> = { ...before };
  /** faction → why it moved first (the faction named in a delta, or a rival's spill-over) */
  const why = new Map<string, string>();
  for (const c of input.changes) {
    if (!factionById(c.factionId)) throw new Error(`unknown faction ${c.factionId}`);
    const next = applyReputationChange(now, c.factionId, c.delta);
    for (const id of Object.keys(next)) {
      if (next[id] !== standingWith(now, id) && !why.has(id))
        why.set(id, id === c.factionId ? input.reason : 'spillover');
    }
    now = next;
  }
  const out: ReputationChangeView[] = [];
  for (const [factionId, reason] of why) {
    const was = standingWith(before, factionId);
    const standing = standingWith(now, factionId);
    const delta = standing - was;
    if (delta === 0) continue;
    await tx.characterStanding.upsert({
      where: { characterId_factionId: { characterId: input.characterId, factionId } },
      create: { characterId: input.characterId, factionId, standing },
      update: { standing },
    });
    await tx.reputationEvent.create({
      data: {
        characterId: input.characterId,
        factionId,
        delta,
        standingAfter: standing,
        reason,
        ref: input.ref ?? null,
      },
    });
    const tier = tierForStanding(standing);
    out.push({
      factionId,
      factionName: factionById(factionId)?.name ?? factionId,
      delta,
      standing,
      tier,
      tierChanged: tier !== tierForStanding(was),
    });
  }
  return out;
}
