import {
  GuildBankInputSchema,
  GuildBankLogInputSchema,
  GuildCharacterInputSchema,
  GuildCreateInputSchema,
  GuildDisbandInputSchema,
  GuildInviteInputSchema,
  GuildInviteRefInputSchema,
  GuildMemberInputSchema,
  GuildMotdInputSchema,
  GuildPublicInputSchema,
  GuildRankEditInputSchema,
  GuildReadInputSchema,
} from '@necp/shared';
import {
  acceptGuildInvite,
  createGuild,
  declineGuildInvite,
  demoteGuildMember,
  depositToGuildBank,
  disbandGuild,
  editGuildRank,
  guildBankLog,
  guildPublic,
  guildRoster,
  inviteToGuild,
  kickFromGuild,
  leaveGuild,
  listGuildInvites,
  myGuild,
  promoteGuildMember,
  setGuildMotd,
  transferGuildLeadership,
  withdrawFromGuildBank,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

const own = ownCharacterId;

/** Guilds (docs/social.md "Guilds"): every rule is in packages/game/src/guild. */
export const guildRouter = createTRPCRouter({
  /** the public page: name, tag, level, members with ranks, founded — anyone may read it */
  public: publicProcedure
    .input(GuildPublicInputSchema)
    .query(({ ctx, input }) => guildPublic(ctx.deps, input.nameOrTag)),

  mine: protectedProcedure
    .input(GuildCharacterInputSchema)
    .query(async ({ ctx, input }) => myGuild(ctx.deps, await own(ctx, input.characterId))),

  roster: protectedProcedure.input(GuildReadInputSchema).query(async ({ ctx, input }) =>
    guildRoster(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      guildId: input.guildId,
    }),
  ),

  bankLog: protectedProcedure
    .input(GuildBankLogInputSchema)
    .query(async ({ ctx, input }) =>
      guildBankLog(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  invites: protectedProcedure
    .input(GuildCharacterInputSchema)
    .query(async ({ ctx, input }) => listGuildInvites(ctx.deps, await own(ctx, input.characterId))),

  create: protectedProcedure
    .input(GuildCreateInputSchema)
    .mutation(async ({ ctx, input }) =>
      createGuild(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  invite: protectedProcedure.input(GuildInviteInputSchema).mutation(async ({ ctx, input }) => {
    const sent = await inviteToGuild(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      name: input.name,
    });
    // the same answer whether or not the invitee blocks the inviter
    return { name: sent.name, sent: true as const };
  }),

  accept: protectedProcedure.input(GuildInviteRefInputSchema).mutation(async ({ ctx, input }) =>
    acceptGuildInvite(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      inviteId: input.inviteId,
    }),
  ),

  decline: protectedProcedure.input(GuildInviteRefInputSchema).mutation(async ({ ctx, input }) => {
    await declineGuildInvite(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      inviteId: input.inviteId,
    });
    return { ok: true as const };
  }),

  leave: protectedProcedure
    .input(GuildCharacterInputSchema)
    .mutation(async ({ ctx, input }) =>
      leaveGuild(ctx.deps, { characterId: await own(ctx, input.characterId) }),
    ),

  kick: protectedProcedure.input(GuildMemberInputSchema).mutation(async ({ ctx, input }) =>
    kickFromGuild(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      memberId: input.memberId,
    }),
  ),

  promote: protectedProcedure.input(GuildMemberInputSchema).mutation(async ({ ctx, input }) =>
    promoteGuildMember(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      memberId: input.memberId,
    }),
  ),

  demote: protectedProcedure.input(GuildMemberInputSchema).mutation(async ({ ctx, input }) =>
    demoteGuildMember(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      memberId: input.memberId,
    }),
  ),

  transferLeadership: protectedProcedure
    .input(GuildMemberInputSchema)
    .mutation(async ({ ctx, input }) =>
      transferGuildLeadership(ctx.deps, {
        characterId: await own(ctx, input.characterId),
        memberId: input.memberId,
      }),
    ),

  setMotd: protectedProcedure
    .input(GuildMotdInputSchema)
    .mutation(async ({ ctx, input }) =>
      setGuildMotd(ctx.deps, { characterId: await own(ctx, input.characterId), motd: input.motd }),
    ),

  editRank: protectedProcedure
    .input(GuildRankEditInputSchema)
    .mutation(async ({ ctx, input }) =>
      editGuildRank(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  deposit: protectedProcedure.input(GuildBankInputSchema).mutation(async ({ ctx, input }) =>
    depositToGuildBank(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      amount: input.amount,
    }),
  ),

  withdraw: protectedProcedure.input(GuildBankInputSchema).mutation(async ({ ctx, input }) =>
    withdrawFromGuildBank(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      amount: input.amount,
    }),
  ),

  disband: protectedProcedure.input(GuildDisbandInputSchema).mutation(async ({ ctx, input }) =>
    disbandGuild(ctx.deps, {
      characterId: await own(ctx, input.characterId),
      confirmName: input.confirmName,
    }),
  ),
});
