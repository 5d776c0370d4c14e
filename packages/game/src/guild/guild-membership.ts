/**
 * Leaving, kicking, promoting, demoting and handing over the lead. Each runs under
 * the guild's row lock; kick and promote/demote reach only members ranked strictly
 * below the actor, and nobody but the leader holds the leader's rank.
 */
import { GUILD_LEADER_RANK, GUILD_LOWEST_RANK } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { publishGuildLeft } from './guild-events';
import {
  leaderOnly,
  lockedActor,
  memberOfGuild,
  requireBelow,
  requirePermission,
} from './guild-access';
import { inTransaction } from '../core/transaction';

const inTx = <T>(deps: Pick<GameDeps, 'db'>, run: (tx: Tx) => Promise<T>) =>
  inTransaction(deps.db, run);

/** Leave your guild. The leader must hand the lead over first (or disband). */
export async function leaveGuild(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string },
): Promise<{ guildId: string }> {
  return inTx(deps, async (tx) => {
    const actor = await lockedActor(tx, input.characterId);
    if (actor.rank.position === GUILD_LEADER_RANK)
      throw new DomainError(
        'INVALID_STATE',
        'guild leader leaving',
        'Hand the lead to another member first, or disband the guild.',
      );
    const ended = await tx.guildMember.delete({ where: { characterId: input.characterId } });
    await publishGuildLeft(tx, ended, 'left');
    return { guildId: actor.guild.id };
  });
}

/** Remove a member ranked below you (your rank must allow kicking). */
export async function kickFromGuild(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; memberId: string },
): Promise<{ guildId: string; memberId: string }> {
  if (input.memberId === input.characterId)
    throw new DomainError('VALIDATION', 'guild kick self', 'Leave the guild instead.');
  return inTx(deps, async (tx) => {
    const actor = await lockedActor(tx, input.characterId);
    requirePermission(actor.rank, 'kick');
    const target = await memberOfGuild(tx, actor.guild.id, input.memberId);
    requireBelow(actor.rank, target.rank, 'remove');
    const ended = await tx.guildMember.delete({ where: { characterId: input.memberId } });
    await publishGuildLeft(tx, ended, 'kicked');
    return { guildId: actor.guild.id, memberId: input.memberId };
  });
}

async function moveRank(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; memberId: string },
  step: -1 | 1,
): Promise<{ memberId: string; rankId: string; rankName: string; position: number }> {
  const what = step < 0 ? 'promote' : 'demote';
  if (input.memberId === input.characterId)
    throw new DomainError('VALIDATION', `guild ${what} self`, `You cannot ${what} yourself.`);
  return inTx(deps, async (tx) => {
    const actor = await lockedActor(tx, input.characterId);
    requirePermission(actor.rank, 'promote');
    const target = await memberOfGuild(tx, actor.guild.id, input.memberId);
    requireBelow(actor.rank, target.rank, what);
    const position = target.rank.position + step;
    if (position > GUILD_LOWEST_RANK)
      throw new DomainError(
        'INVALID_STATE',
        'guild lowest rank',
        `${target.character.name} already has the lowest rank.`,
      );
    if (position <= actor.rank.position)
      throw new DomainError(
        'FORBIDDEN',
        'guild promote to own rank',
        actor.rank.position === GUILD_LEADER_RANK
          ? 'Hand over the lead to make someone leader.'
          : 'You can only promote members up to the rank below your own.',
      );
    const rank = await tx.guildRank.findUniqueOrThrow({
      where: { guildId_position: { guildId: actor.guild.id, position } },
    });
    await tx.guildMember.update({
      where: { characterId: input.memberId },
      data: { rankId: rank.id },
    });
    return { memberId: input.memberId, rankId: rank.id, rankName: rank.name, position };
  });
}

/** One rank up, never to your own rank or above (your rank must allow promoting). */
export const promoteGuildMember = (
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; memberId: string },
) => moveRank(deps, input, -1);

/** One rank down (your rank must allow promoting; the target ranks below you). */
export const demoteGuildMember = (
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; memberId: string },
) => moveRank(deps, input, 1);

/** The leader hands the lead to another member and takes the rank below it. */
export async function transferGuildLeadership(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; memberId: string },
): Promise<{ guildId: string; leaderId: string }> {
  if (input.memberId === input.characterId)
    throw new DomainError('VALIDATION', 'guild lead to self', 'You already lead the guild.');
  return inTx(deps, async (tx) => {
    const actor = await lockedActor(tx, input.characterId);
    if (actor.rank.position !== GUILD_LEADER_RANK) throw leaderOnly();
    await memberOfGuild(tx, actor.guild.id, input.memberId);
    const below = await tx.guildRank.findUniqueOrThrow({
      where: { guildId_position: { guildId: actor.guild.id, position: GUILD_LEADER_RANK + 1 } },
    });
    await tx.guildMember.update({
      where: { characterId: input.characterId },
      data: { rankId: below.id },
    });
    await tx.guildMember.update({
      where: { characterId: input.memberId },
      data: { rankId: actor.rank.id },
    });
    return { guildId: actor.guild.id, leaderId: input.memberId };
  });
}
