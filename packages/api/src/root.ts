import { authRouter } from './routers/auth';
import { characterRouter } from './routers/character';
import { createTRPCRouter } from './trpc';

/** One router per domain. */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  character: characterRouter,
});

export type AppRouter = typeof appRouter;
