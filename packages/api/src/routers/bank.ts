import {
  BankGetInputSchema,
  DepositItemInputSchema,
  MoveInBankInputSchema,
  WithdrawItemInputSchema,
} from '@necp/shared';
import { depositItem, getBank, moveInBank, withdrawItem } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * The account-wide bank, used through one of the account's characters standing
 * at a bank terminal (FORBIDDEN otherwise). deposit/withdraw return both the
 * inventory and the bank afterwards.
 */
export const bankRouter = createTRPCRouter({
  get: characterProcedure
    .input(BankGetInputSchema)
    .query(({ ctx, input }) => getBank(ctx.deps, { ...input, userId: ctx.session.userId })),

  deposit: characterProcedure
    .input(DepositItemInputSchema)
    .mutation(({ ctx, input }) => depositItem(ctx.deps, { ...input, userId: ctx.session.userId })),

  withdraw: characterProcedure
    .input(WithdrawItemInputSchema)
    .mutation(({ ctx, input }) => withdrawItem(ctx.deps, { ...input, userId: ctx.session.userId })),

  move: characterProcedure
    .input(MoveInBankInputSchema)
    .mutation(({ ctx, input }) => moveInBank(ctx.deps, { ...input, userId: ctx.session.userId })),
});
