import { InventoryDropSchema, type ItemDropResult } from '@necp/shared';
import { dropItemToGround } from '@necp/game';
import { command, type EventHandler } from './command';
import { toDropRefs } from './drop-refs';
import { alivePlayerOf, refreshAfterChange } from './in-zone';

/** inventory:drop { itemId, quantity? } — a bag item onto the ground at the character's feet. */
export const inventoryHandlers = {
  'inventory:drop': command('inventory:drop', InventoryDropSchema, async (ctx, input) => {
    const { characterId } = ctx.session;
    const zone = ctx.session.zone;
    const me = alivePlayerOf(ctx);
    const drop = await dropItemToGround(ctx.deps, {
      characterId,
      itemId: input.itemId,
      ...(input.quantity !== undefined ? { quantity: input.quantity } : {}),
      zoneId: zone.id,
      x: me.x,
      y: me.y,
      fence: zone.fence,
    });
    const [ref] = await toDropRefs(zone, [drop]);
    await refreshAfterChange(ctx);
    if (!ref) throw new Error(`drop ${drop.id} is not in zone ${zone.id}`);
    const result: ItemDropResult = { drop: ref };
    return result;
  }),
} satisfies Record<string, EventHandler>;
