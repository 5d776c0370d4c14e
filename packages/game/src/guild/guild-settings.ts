/** The message of the day, and the leader's rank edits (names, permissions, daily limits). */
import type { Prisma } from '@necp/db';
import {
  GUILD_LEADER_RANK,
  GUILD_PERMISSIONS,
  GuildMotdInputSchema,
  GuildRankEditInputSchema,
  type GuildRankEditInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { leaderOnly, lockedActor, rankColumn, requirePermission } from './guild-access';
import { rankView, type GuildRankView } from './read-guild';
import { inTransaction } from '../core/transaction';

/** Set the message of the day (your rank must allow it; empty clears it). */
export async function setGuildMotd(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; motd: string },
): Promise<{ motd: string }> {
  const { characterId, motd } = parseInput(GuildMotdInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const actor = await lockedActor(tx, characterId);
    requirePermission(actor.rank, 'motd');
    await tx.guild.update({ where: { id: actor.guild.id }, data: { motd } });
    return { motd };
  });
}

/**
 * The leader renames a rank or changes its permissions and daily withdraw limit.
 * The leader's own rank keeps every permission and no limit: only its name changes.
 */
export async function editGuildRank(
  deps: Pick<GameDeps, 'db'>,
  input: GuildRankEditInput,
): Promise<GuildRankView> {
  const { characterId, rankId, name, permissions, dailyWithdrawLimit } = parseInput(
    GuildRankEditInputSchema,
    input,
  );
  return inTransaction(deps.db, async (tx) => {
    const actor = await lockedActor(tx, characterId);
    if (actor.rank.position !== GUILD_LEADER_RANK) throw leaderOnly();
    const rank = await tx.guildRank.findUnique({ where: { id: rankId } });
    if (!rank || rank.guildId !== actor.guild.id)
      throw new DomainError('NOT_FOUND', 'guild rank not found', 'That rank does not exist.');
    const data: Prisma.GuildRankUpdateInput = {};
    if (name !== undefined) data.name = name;
    const changesRights = permissions !== undefined || dailyWithdrawLimit !== undefined;
    if (changesRights && rank.position === GUILD_LEADER_RANK)
      throw new DomainError(
        'INVALID_STATE',
        'guild leader rank rights',
        'The leader always has every permission.',
      );
    for (const p of GUILD_PERMISSIONS) {
      const v = permissions?.[p];
      if (v !== undefined) Object.assign(data, { [rankColumn(p)]: v });
    }
    if (dailyWithdrawLimit !== undefined) data.dailyWithdrawLimit = dailyWithdrawLimit;
    const updated = await tx.guildRank.update({ where: { id: rank.id }, data });
    return rankView(updated);
  });
}
