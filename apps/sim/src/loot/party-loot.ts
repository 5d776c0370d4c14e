/**
 * A party's loot in the zone (docs/social.md "Loot modes"): a drop whose rights
 * changed (a roll decided, a gift) goes back in the zone so every client sees its
 * new owner; what the party is told is the domain's (loot/loot-pushes.ts).
 */
import type { PushSink } from '@necp/shared';
import { rollOutcomePushes, type LootRollOutcome, type ZoneDrop } from '@necp/game';
import type { Zone } from '../zone/zone';

/** A drop's rights changed: the zone shows it again as it is now (in its next tick). */
export function replaceDrop(zone: Zone, drop: ZoneDrop): void {
  zone.submit({ k: 'drop_remove', dropId: drop.id });
  zone.submit({ k: 'drop_add', drop });
}

/** A decided roll: the drop under its new owner, and the numbers to the party. */
export function applyRollOutcome(zone: Zone, push: PushSink, o: LootRollOutcome): void {
  replaceDrop(zone, o.drop);
  push(rollOutcomePushes(o));
}
