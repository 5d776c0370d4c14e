import { AdminLootSchema, type LootResult } from '@necp/shared';
import { createLootDrop, requireCurrentAdmin } from '@necp/game';
import { command, type EventHandler } from './command';
import { toDropRefs } from './drop-refs';
import { playerOf } from './in-zone';

/**
 * admin:loot { tableId } — admins only: rolls a loot table into drops at the
 * admin's feet (owned by the admin). The items' ledger source is `admin`, and every
 * use is logged with the account, so the economy can tell them apart from loot.
 *
 * The role is read from the database on every call, not taken from the ticket (a
 * copy as old as the login cookie) nor cached per socket: the command is rare and
 * rate-limited, so one indexed read costs nothing, and a demotion counts at once
 * without depending on the account.access_changed event arriving.
 */
export const adminHandlers = {
  'admin:loot': command('admin:loot', AdminLootSchema, async (ctx, { tableId }) => {
    const { characterId, userId } = ctx.session;
    await requireCurrentAdmin(ctx.deps, userId);
    const zone = ctx.session.zone;
    const me = playerOf(ctx);
    const res = await createLootDrop(ctx.deps, {
      zoneId: zone.id,
      x: me.x,
      y: me.y,
      tableId,
      level: me.level,
      ownerCharacterId: characterId,
      reason: 'admin',
      fence: zone.fence,
    });
    const drops = await toDropRefs(zone, res.drops);
    ctx.log.info(
      {
        audit: 'admin:loot',
        userId,
        characterId,
        tableId,
        drops: drops.length,
        eddies: res.eddies,
      },
      'admin spawned loot',
    );
    const result: LootResult = { drops, eddies: res.eddies };
    return result;
  }),
} satisfies Record<string, EventHandler>;
