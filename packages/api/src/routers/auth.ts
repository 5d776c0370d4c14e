import { ChangePasswordInputSchema, RegisterInputSchema } from '@necp/shared';
import {
  changePassword,
  endSession,
  getAccount,
  registerUser,
  signInActivity,
  signOutEverywhere,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

/** Sign-in itself is next-auth's credentials provider, which calls verifyLogin directly. */
export const authRouter = createTRPCRouter({
  register: publicProcedure
    .input(RegisterInputSchema)
    .mutation(({ ctx, input }) => registerUser(ctx.deps, { ...input, ip: ctx.ip })),

  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.deps, ctx.session.userId)),

  /** Ends this session server-side (the sign-out button calls it before next-auth's signOut). */
  signOut: protectedProcedure.mutation(({ ctx }) =>
    endSession(ctx.deps, {
      userId: ctx.session.userId,
      sessionId: ctx.session.sessionId,
      ip: ctx.ip,
    }),
  ),

  /** Ends every session of the account, this one included (the account page's button). */
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) =>
    signOutEverywhere(ctx.deps, { userId: ctx.session.userId, ip: ctx.ip }),
  ),

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
