import { AdminLootSchema, type LootResult } from '@necp/shared';
import { DomainError, createLootDrop } from '@necp/game';
import { onCommand, type CommandContext } from './command';
import { toDropRefs } from './drop-refs';
import { playerOf } from './in-zone';

/**
 * admin:loot { tableId } — ADMIN tickets only: rolls a loot table into drops at the
 * admin's feet (owned by the admin). The items' ledger source is `admin`, and every
 * use is logged with the account, so the economy can tell them apart from loot.
 */
export function registerAdminHandlers(ctx: CommandContext): void {
  const { characterId, userId } = ctx.session;
  onCommand(ctx, 'admin:loot', AdminLootSchema, ctx.actions, async ({ tableId }) => {
    if (ctx.role !== 'ADMIN')
      throw new DomainError('FORBIDDEN', 'admin:loot by a non-admin', 'Admins only.');
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
    });
    const drops = toDropRefs(zone, res.drops);
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
  });
}
