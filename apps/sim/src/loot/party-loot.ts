/**
 * A party's loot in the zone (docs/social.md "Loot modes"): tells the party when a
 * drop is rolled for and how the roll went, tells the leader what it may give away,
 * and puts a drop whose rights changed (a roll decided, a gift) back in the zone so
 * every client sees its new owner.
 */
import {
  rarityAtLeast,
  type LootAssignStartMsg,
  type LootRollResultMsg,
  type LootRollStartMsg,
} from '@necp/shared';
import type { AwardKillResult, LootRollOutcome, ZoneDrop } from '@necp/game';
import type { SimSocket } from '../net/types';
import type { Zone } from '../zone/zone';
import { characterRoom, partyRoom } from '../net/rooms';

export interface LootNotifier {
  rollStart(partyId: string, msg: LootRollStartMsg): void;
  rollResult(partyId: string, msg: LootRollResultMsg): void;
  assignStart(leaderId: string, msg: LootAssignStartMsg): void;
}

/** Through the socket rooms (the Redis adapter carries them to every process). */
export function socketLootNotifier(nsp: SimSocket['nsp']): LootNotifier {
  return {
    rollStart: (partyId, msg) => nsp.to(partyRoom(partyId)).emit('loot:roll_start', msg),
    rollResult: (partyId, msg) => nsp.to(partyRoom(partyId)).emit('loot:roll_result', msg),
    assignStart: (leaderId, msg) => nsp.to(characterRoom(leaderId)).emit('loot:assign_start', msg),
  };
}

/** After a kill is paid: rolls open for the party, gifts waiting for the leader. */
export function announcePartyLoot(notify: LootNotifier, result: AwardKillResult): void {
  const party = result.party;
  if (!party) return;
  for (const d of result.loot.drops) {
    if (d.rollUntil !== null && d.partyId)
      notify.rollStart(d.partyId, {
        dropId: d.id,
        templateId: d.templateId,
        name: d.name,
        rarity: d.rarity,
        quantity: d.quantity,
        expiresAt: d.rollUntil,
      });
    else if (
      party.mode === 'leader' &&
      d.ownerCharacterId === party.leaderId &&
      rarityAtLeast(d.rarity, party.threshold)
    )
      notify.assignStart(party.leaderId, { dropId: d.id, name: d.name, rarity: d.rarity });
  }
}

/** A drop's rights changed: the zone shows it again as it is now (in its next tick). */
export function replaceDrop(zone: Zone, drop: ZoneDrop): void {
  zone.submit({ k: 'drop_remove', dropId: drop.id });
  zone.submit({ k: 'drop_add', drop });
}

/** A decided roll: the drop under its new owner, and the numbers to the party. */
export function applyRollOutcome(zone: Zone, notify: LootNotifier, o: LootRollOutcome): void {
  replaceDrop(zone, o.drop);
  const winner = o.rolls.find((r) => r.characterId === o.winnerId);
  notify.rollResult(o.partyId, {
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
  });
}
