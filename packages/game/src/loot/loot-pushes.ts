/**
 * What a party's loot tells its players (docs/social.md "Loot modes"): a drop the
 * party rolls for, how the roll went, and the leader's drops to give away.
 */
import { emitTo, rarityAtLeast, toCharacters, type Push } from '@necp/shared';
import type { AwardKillResult } from '../combat/award-kill';
import type { LootRollOutcome } from './loot-rolls';

/** After a kill is paid: rolls open for the party, gifts waiting for the leader. */
export function partyLootPushes(result: AwardKillResult): Push[] {
  const party = result.party;
  if (!party) return [];
  const out: Push[] = [];
  for (const d of result.loot.drops) {
    if (d.rollUntil !== null && d.partyId)
      out.push(
        emitTo({ party: d.partyId }, 'loot:roll_start', {
          dropId: d.id,
          templateId: d.templateId,
          name: d.name,
          rarity: d.rarity,
          quantity: d.quantity,
          expiresAt: d.rollUntil,
        }),
      );
    else if (
      party.mode === 'leader' &&
      d.ownerCharacterId === party.leaderId &&
      rarityAtLeast(d.rarity, party.threshold)
    )
      out.push(
        emitTo(toCharacters(party.leaderId), 'loot:assign_start', {
          dropId: d.id,
          name: d.name,
          rarity: d.rarity,
        }),
      );
  }
  return out;
}

/** A decided roll: the numbers to the party. */
export function rollOutcomePushes(o: LootRollOutcome): Push[] {
  const winner = o.rolls.find((r) => r.characterId === o.winnerId);
  return [
    emitTo({ party: o.partyId }, 'loot:roll_result', {
      dropId: o.drop.id,
      name: o.drop.name,
      winnerId: o.winnerId,
      winner: winner?.name ?? null,
      rolls: o.rolls.map((r) => ({
        characterId: r.characterId,
        name: r.name,
        choice: r.choice,
        roll: r.roll,
      })),
    }),
  ];
}
