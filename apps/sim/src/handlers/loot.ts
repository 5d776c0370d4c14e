import {
  mayLootDrop,
  CRATE_RANGE,
  CrateOpenSchema,
  LootPickupSchema,
  PICKUP_RANGE,
  type LootResult,
  type PickupResult,
} from '@necp/shared';
import { activeQuestIds, createLootDrop, isDropGone, notYoursYet, pickupDrop } from '@necp/game';
import { SimRefusal } from '../net/refusals';
import { command, type EventHandler } from './command';
import { alivePlayerOf, lootOf, refreshAfterChange, requireInRange } from './in-zone';
import { toDropRefs } from './drop-refs';

const dropGoneHere = () =>
  new SimRefusal({ code: 'NOT_FOUND', message: 'That is no longer there.' });

/**
 * loot:pickup { eid } — a drop within PICKUP_RANGE into the bag (the domain decides
 * loot rights and bag space). crate:open { eid } — a crate within CRATE_RANGE rolls
 * its table into drops owned by the opener; then the same crate is empty for that
 * character for CRATE_COOLDOWN_MS.
 */
export const lootHandlers = {
  'loot:pickup': command('loot:pickup', LootPickupSchema, async (ctx, { eid }) => {
    const { characterId } = ctx.session;
    // the zone at the time of the command: the drop belongs to it even if the metro leaves meanwhile
    const zone = ctx.session.zone;
    const me = alivePlayerOf(ctx);
    const drop = zone.dropByEid(eid);
    if (!drop) throw dropGoneHere();
    requireInRange(me, drop, PICKUP_RANGE, 'that');
    // cheap in-memory refusal of what is certain without the party roster (the shared
    // rule, as the client's prompt); the domain checks again under lock, party included
    const now = ctx.clock.ms();
    const rights = { ...drop, rolling: false };
    if (!drop.partyId && !mayLootDrop(rights, characterId, false, now))
      throw notYoursYet(drop, now);
    try {
      await pickupDrop(ctx.deps, { characterId, dropId: drop.id, fence: zone.fence });
    } catch (err) {
      if (isDropGone(err)) zone.submit({ k: 'drop_remove', dropId: drop.id });
      throw err;
    }
    await zone.ask({ k: 'drop_remove', dropId: drop.id });
    await refreshAfterChange(ctx);
    const result: PickupResult = {
      item: { templateId: drop.templateId, quantity: drop.quantity, rarity: drop.rarity },
    };
    return result;
  }),

  'crate:open': command('crate:open', CrateOpenSchema, async (ctx, { eid }) => {
    const { characterId } = ctx.session;
    const zone = ctx.session.zone;
    const crates = lootOf(ctx, zone).crates;
    const me = alivePlayerOf(ctx);
    const crate = zone.crateByEid(eid);
    if (!crate) throw new SimRefusal({ code: 'NOT_FOUND', message: 'There is nothing to open.' });
    requireInRange(me, crate, CRATE_RANGE, crate.name);
    const waitMs = crates.claim(characterId, crate.spawnId);
    if (waitMs > 0)
      throw new SimRefusal({
        code: 'RATE_LIMITED',
        message: `You already emptied this. Try again in ${Math.ceil(waitMs / 1000)} s.`,
      });
    try {
      const res = await createLootDrop(ctx.deps, {
        zoneId: zone.id,
        x: crate.x,
        y: crate.y,
        tableId: crate.lootTable,
        level: me.level,
        ownerCharacterId: characterId,
        // quest-only entries (a manifest in the shipment crate) roll only for their quest
        activeQuestIds: await activeQuestIds(ctx.deps.db, characterId, ctx.clock.now()),
        fence: zone.fence,
      });
      const result: LootResult = { drops: await toDropRefs(zone, res.drops), eddies: res.eddies };
      return result;
    } catch (err) {
      crates.release(characterId, crate.spawnId);
      throw err;
    }
  }),
} satisfies Record<string, EventHandler>;
