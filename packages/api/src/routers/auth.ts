import { RegisterInputSchema } from '@necp/shared';
import { getAccount, registerUser } from '@necp/game';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';

/** Sign-in itself is next-auth's credentials provider, which calls verifyLogin directly. */
export const authRouter = createTRPCRouter({
  register: publicProcedure
    .input(RegisterInputSchema)
    .mutation(({ ctx, input }) => registerUser(ctx.deps, { ...input, ip: ctx.ip })),

  me: protectedProcedure.query(({ ctx }) => getAccount(ctx.deps, ctx.session.userId)),
});
