import {
  MailListInputSchema,
  MailQuoteInputSchema,
  MailRefInputSchema,
  MailSendInputSchema,
  MailTakeItemsInputSchema,
} from '@necp/shared';
import {
  deleteMail,
  listMail,
  listSentMail,
  payMailCod,
  quoteMail,
  readMail,
  returnMail,
  sendMail,
  takeMailEddies,
  takeMailItems,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

const own = ownCharacterId;

/** The mailbox (docs/social.md "Mail"): every rule is in packages/game/src/mail. */
export const mailRouter = createTRPCRouter({
  list: protectedProcedure
    .input(MailListInputSchema)
    .query(async ({ ctx, input }) =>
      listMail(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  /** the caller's sent mail still in the post: on its way, delivered, returned */
  sent: protectedProcedure
    .input(MailListInputSchema)
    .query(async ({ ctx, input }) =>
      listSentMail(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  /** postage and when a mail to this recipient would arrive, before sending */
  quote: protectedProcedure
    .input(MailQuoteInputSchema)
    .query(async ({ ctx, input }) =>
      quoteMail(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  /** opens a mail (with its body) and marks it read */
  read: protectedProcedure
    .input(MailRefInputSchema)
    .mutation(async ({ ctx, input }) =>
      readMail(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  send: protectedProcedure
    .input(MailSendInputSchema)
    .mutation(async ({ ctx, input }) =>
      sendMail(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  takeItems: protectedProcedure
    .input(MailTakeItemsInputSchema)
    .mutation(async ({ ctx, input }) =>
      takeMailItems(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  takeEddies: protectedProcedure
    .input(MailRefInputSchema)
    .mutation(async ({ ctx, input }) =>
      takeMailEddies(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  payCod: protectedProcedure
    .input(MailRefInputSchema)
    .mutation(async ({ ctx, input }) =>
      payMailCod(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) }),
    ),

  returnToSender: protectedProcedure.input(MailRefInputSchema).mutation(async ({ ctx, input }) => {
    await returnMail(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) });
    return { ok: true as const };
  }),

  delete: protectedProcedure.input(MailRefInputSchema).mutation(async ({ ctx, input }) => {
    await deleteMail(ctx.deps, { ...input, characterId: await own(ctx, input.characterId) });
    return { ok: true as const };
  }),
});
