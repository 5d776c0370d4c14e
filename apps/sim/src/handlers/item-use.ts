import { ItemUseSchema, type ItemUseResult } from '@necp/shared';
import { bagItemTemplateId, useItem } from '@necp/game';
import { SLOW_DOWN, SimRefusal } from '../net/refusals';
import { command, type EventHandler } from './command';
import { alivePlayerOf, refreshAfterChange } from './in-zone';

/**
 * item:use { itemId } — uses one unit of a bag stack: the domain takes it (ledger
 * `use`, the `item.used` event in the same transaction); a heal lands on the live
 * character (the zone owns health) and starts the template's cooldown, which the
 * sim enforces before spending anything. Then char:stats (the weight changed).
 */
export const itemUseHandlers = {
  'item:use': command('item:use', ItemUseSchema, async (ctx, { itemId }) => {
    const { characterId } = ctx.session;
    const zone = ctx.session.zone;
    const me = alivePlayerOf(ctx);
    // one use at a time per character: a second one while the first is in flight is refused
    if (!ctx.items.claim(characterId)) throw new SimRefusal(SLOW_DOWN);
    try {
      // an item on cooldown is refused before a unit is spent
      const templateId = await bagItemTemplateId(ctx.deps, { characterId, itemId });
      const leftMs = templateId ? ctx.items.leftMs(characterId, templateId) : 0;
      if (leftMs > 0)
        throw new SimRefusal({
          code: 'RATE_LIMITED',
          message: `That is not ready yet (${Math.ceil(leftMs / 1000)} s).`,
        });
      const used = await useItem(ctx.deps, {
        characterId,
        itemId,
        zoneId: zone.id,
        x: me.x,
        y: me.y,
      });
      ctx.items.start(characterId, used.templateId, used.cooldownMs);
      // wherever the character is now (the metro may have moved it meanwhile)
      const healed =
        used.heal > 0
          ? await ctx.session.zone.ask({ k: 'heal', characterId, amount: used.heal })
          : 0;
      await refreshAfterChange(ctx);
      const result: ItemUseResult = {
        templateId: used.templateId,
        healed,
        cooldownMs: used.cooldownMs,
      };
      return result;
    } finally {
      ctx.items.release(characterId);
    }
  }),
} satisfies Record<string, EventHandler>;
