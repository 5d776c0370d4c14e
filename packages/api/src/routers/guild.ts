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
import { characterProcedure, createTRPCRouter, publicProcedure } from '../trpc';

/** Guilds (docs/social.md "Guilds"): every rule is in packages/game/src/guild. */
export const guildRouter = createTRPCRouter({
  /** the public page: name, tag, level, members with ranks, founded — anyone may read it */
  public: publicProcedure
    .input(GuildPublicInputSchema)
    .query(({ ctx, input }) => guildPublic(ctx.deps, input.nameOrTag)),

  mine: characterProcedure
    .input(GuildCharacterInputSchema)
    .query(({ ctx, input }) => myGuild(ctx.deps, input.characterId)),

  roster: characterProcedure.input(GuildReadInputSchema).query(({ ctx, input }) =>
    guildRoster(ctx.deps, {
      characterId: input.characterId,
      guildId: input.guildId,
    }),
  ),

  bankLog: characterProcedure
    .input(GuildBankLogInputSchema)
    .query(({ ctx, input }) => guildBankLog(ctx.deps, input)),

  invites: characterProcedure
    .input(GuildCharacterInputSchema)
    .query(({ ctx, input }) => listGuildInvites(ctx.deps, input.characterId)),

  create: characterProcedure
    .input(GuildCreateInputSchema)
    .mutation(({ ctx, input }) => createGuild(ctx.deps, input)),

  invite: characterProcedure.input(GuildInviteInputSchema).mutation(async ({ ctx, input }) => {
    const sent = await inviteToGuild(ctx.deps, {
      characterId: input.characterId,
      name: input.name,
    });
    // the same answer whether or not the invitee blocks the inviter
    return { name: sent.name, sent: true as const };
  }),

  accept: characterProcedure.input(GuildInviteRefInputSchema).mutation(({ ctx, input }) =>
    acceptGuildInvite(ctx.deps, {
      characterId: input.characterId,
      inviteId: input.inviteId,
    }),
  ),

  decline: characterProcedure.input(GuildInviteRefInputSchema).mutation(async ({ ctx, input }) => {
    await declineGuildInvite(ctx.deps, {
      characterId: input.characterId,
      inviteId: input.inviteId,
    });
    return { ok: true as const };
  }),

  leave: characterProcedure
    .input(GuildCharacterInputSchema)
    .mutation(({ ctx, input }) => leaveGuild(ctx.deps, { characterId: input.characterId })),

  kick: characterProcedure.input(GuildMemberInputSchema).mutation(({ ctx, input }) =>
    kickFromGuild(ctx.deps, {
      characterId: input.characterId,
      memberId: input.memberId,
    }),
  ),

  promote: characterProcedure.input(GuildMemberInputSchema).mutation(({ ctx, input }) =>
    promoteGuildMember(ctx.deps, {
      characterId: input.characterId,
      memberId: input.memberId,
    }),
  ),

  demote: characterProcedure.input(GuildMemberInputSchema).mutation(({ ctx, input }) =>
    demoteGuildMember(ctx.deps, {
      characterId: input.characterId,
      memberId: input.memberId,
    }),
  ),

  transferLeadership: characterProcedure.input(GuildMemberInputSchema).mutation(({ ctx, input }) =>
    transferGuildLeadership(ctx.deps, {
      characterId: input.characterId,
      memberId: input.memberId,
    }),
  ),

  setMotd: characterProcedure
    .input(GuildMotdInputSchema)
    .mutation(({ ctx, input }) =>
      setGuildMotd(ctx.deps, { characterId: input.characterId, motd: input.motd }),
    ),

  editRank: characterProcedure
    .input(GuildRankEditInputSchema)
    .mutation(({ ctx, input }) => editGuildRank(ctx.deps, input)),

  deposit: characterProcedure
    .input(GuildBankInputSchema)
    .mutation(({ ctx, input }) => depositToGuildBank(ctx.deps, input)),

  withdraw: characterProcedure
    .input(GuildBankInputSchema)
    .mutation(({ ctx, input }) => withdrawFromGuildBank(ctx.deps, input)),

  disband: characterProcedure.input(GuildDisbandInputSchema).mutation(({ ctx, input }) =>
    disbandGuild(ctx.deps, {
      characterId: input.characterId,
      confirmName: input.confirmName,
    }),
  ),
});
