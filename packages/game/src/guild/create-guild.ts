import {
  GUILD_CREATE_FEE,
  GUILD_DEFAULT_RANKS,
  GUILD_LEADER_RANK,
  GuildCreateInputSchema,
  type GuildCreateInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { isUniqueViolation, parseInput } from '../core/validation';
import { nameRefusal } from '../characters/name-policy';
import { lockCharacter } from '../core/row-locks';
import { charOwner, sinkOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { newLedgerRef } from '../ledger/ref';
import { publishGuildJoined } from './guild-events';
import { inTransaction } from '../core/transaction';

const nameTaken = () =>
  new DomainError('CONFLICT', 'guild name or tag taken', 'That guild name or tag is taken.');

/**
 * Founds a guild: the founder pays GUILD_CREATE_FEE (a ledger sink, reason
 * `guild_fee`), becomes its leader and gets the default ranks. The name is unique
 * case-insensitively and the tag (stored upper-case) is unique; the founder must not
 * be in a guild. All in one transaction under the founder's row lock: a refusal
 * (taken name, too few eddies) writes nothing.
 */
export async function createGuild(
  deps: Pick<GameDeps, 'db'>,
  input: GuildCreateInput,
): Promise<{ guildId: string; name: string; tag: string; eddies: number }> {
  const { characterId, name, tag } = parseInput(GuildCreateInputSchema, input);
  const refusal = nameRefusal(name.replace(/[ ']/g, '')) ?? nameRefusal(tag);
  if (refusal) throw new DomainError('VALIDATION', 'guild name refused', refusal);
  const nameLower = name.toLowerCase();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const me = await lockCharacter(tx, characterId);
      if (await tx.guildMember.findUnique({ where: { characterId } }))
        throw new DomainError('CONFLICT', 'already in a guild', 'Leave your guild first.');
      const taken = await tx.guild.findFirst({
        where: { OR: [{ nameLower }, { tag }] },
        select: { id: true },
      });
      if (taken) throw nameTaken();
      if (me.eddies < GUILD_CREATE_FEE)
        throw new DomainError(
          'INVALID_STATE',
          'not enough eddies for a guild',
          `Founding a guild costs ${GUILD_CREATE_FEE.toLocaleString('en-US')} eddies.`,
        );
      const guild = await tx.guild.create({
        data: {
          name,
          nameLower,
          tag,
          ranks: {
            create: GUILD_DEFAULT_RANKS.map((r, position) => ({
              position,
              name: r.name,
              canInvite: r.permissions.invite,
              canKick: r.permissions.kick,
              canPromote: r.permissions.promote,
              canEditMotd: r.permissions.motd,
              canDeposit: r.permissions.deposit,
              canWithdraw: r.permissions.withdraw,
              dailyWithdrawLimit: r.dailyWithdrawLimit,
            })),
          },
        },
        include: { ranks: true },
      });
      const leaderRank = guild.ranks.find((r) => r.position === GUILD_LEADER_RANK)!;
      const founder = await tx.guildMember.create({
        data: { characterId, guildId: guild.id, rankId: leaderRank.id },
      });
      const eddies = await recordCurrency(tx, {
        reason: 'guild_fee',
        characterId,
        delta: -GUILD_CREATE_FEE,
        ref: newLedgerRef(),
        fromOwner: charOwner(characterId),
        toOwner: sinkOwner('guild_fee'),
      });
      // invitations elsewhere lapse: one guild per character
      await tx.guildInvite.deleteMany({ where: { toId: characterId } });
      // the founder's sockets join the guild's chat room
      await publishGuildJoined(tx, founder);
      return { guildId: guild.id, name: guild.name, tag: guild.tag, eddies };
    });
  } catch (e) {
    // two founders with one name at once: the unique index decides, the loser's tx rolled back
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}
