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
import { characterProcedure, createTRPCRouter } from '../trpc';

/** The mailbox (docs/social.md "Mail"): every rule is in packages/game/src/mail. */
export const mailRouter = createTRPCRouter({
  list: characterProcedure
    .input(MailListInputSchema)
    .query(({ ctx, input }) => listMail(ctx.deps, input)),

  /** the caller's sent mail still in the post: on its way, delivered, returned */
  sent: characterProcedure
    .input(MailListInputSchema)
    .query(({ ctx, input }) => listSentMail(ctx.deps, input)),

  /** postage and when a mail to this recipient would arrive, before sending */
  quote: characterProcedure
    .input(MailQuoteInputSchema)
    .query(({ ctx, input }) => quoteMail(ctx.deps, input)),

  /** opens a mail (with its body) and marks it read */
  read: characterProcedure
    .input(MailRefInputSchema)
    .mutation(({ ctx, input }) => readMail(ctx.deps, input)),

  send: characterProcedure
    .input(MailSendInputSchema)
    .mutation(({ ctx, input }) => sendMail(ctx.deps, input)),

  takeItems: characterProcedure
    .input(MailTakeItemsInputSchema)
    .mutation(({ ctx, input }) => takeMailItems(ctx.deps, input)),

  takeEddies: characterProcedure
    .input(MailRefInputSchema)
    .mutation(({ ctx, input }) => takeMailEddies(ctx.deps, input)),

  payCod: characterProcedure
    .input(MailRefInputSchema)
    .mutation(({ ctx, input }) => payMailCod(ctx.deps, input)),

  returnToSender: characterProcedure.input(MailRefInputSchema).mutation(async ({ ctx, input }) => {
    await returnMail(ctx.deps, input);
    return { ok: true as const };
  }),

  delete: characterProcedure.input(MailRefInputSchema).mutation(async ({ ctx, input }) => {
    await deleteMail(ctx.deps, input);
    return { ok: true as const };
  }),
});
