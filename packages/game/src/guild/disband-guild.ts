import { GUILD_LEADER_RANK, GuildDisbandInputSchema } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { leaderOnly, lockedActor } from './guild-access';
import { publishGuildDisbanded } from './guild-events';
import { inTransaction } from '../core/transaction';

/**
 * The leader ends the guild: only with an empty bank (withdraw it first, so no
 * eddies vanish) and with `confirmName` equal to the guild's name (case ignored).
 * Members, ranks, invitations and the bank log go with it; the ledger keeps its rows
 * (they sum to 0 for the guild).
 */
export async function disbandGuild(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; confirmName: string },
): Promise<{ guildId: string; memberIds: string[] }> {
  const { characterId, confirmName } = parseInput(GuildDisbandInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const actor = await lockedActor(tx, characterId);
    if (actor.rank.position !== GUILD_LEADER_RANK) throw leaderOnly();
    if (confirmName.trim().toLowerCase() !== actor.guild.nameLower)
      throw new DomainError(
        'VALIDATION',
        'guild disband not confirmed',
        `Type the guild's name (${actor.guild.name}) to confirm.`,
      );
    const members = await tx.guildMember.findMany({
      where: { guildId: actor.guild.id },
      select: { characterId: true },
    });
    // conditional: the balance read under the lock must still be 0 when deleting
    const r = await tx.guild.deleteMany({ where: { id: actor.guild.id, bankEddies: 0 } });
    if (r.count === 0)
      throw new DomainError(
        'INVALID_STATE',
        'guild bank not empty',
        `Empty the guild bank first (${actor.guild.bankEddies} eddies).`,
      );
    const memberIds = members.map((m) => m.characterId);
    await publishGuildDisbanded(tx, actor.guild.id, memberIds);
    return { guildId: actor.guild.id, memberIds };
  });
}
