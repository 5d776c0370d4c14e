import { ChangePasswordInputSchema, RegisterInputSchema } from '@necp/shared';
import { changePassword, getAccount, registerUser, signInActivity } from '@necp/game';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

/** Sign-in itself is next-auth's credentials provider, which calls verifyLogin directly. */
export const authRouter = createTRPCRouter({
  register: publicProcedure
    .input(RegisterInputSchema)
    .mutation(({ ctx, input }) => registerUser(ctx.deps, { ...input, ip: ctx.ip })),

  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.deps, ctx.session.userId)),

  /** Ends every session, this one included: the client signs in again with the new password. */
  changePassword: protectedProcedure
    .input(ChangePasswordInputSchema)
    .mutation(({ ctx, input }) =>
      changePassword(ctx.deps, { ...input, userId: ctx.session.userId, ip: ctx.ip }),
    ),

  signInActivity: protectedProcedure.query(({ ctx }) =>
    signInActivity(ctx.deps, ctx.session.userId),
  ),
});
