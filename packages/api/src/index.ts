import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { appRouter, type AppRouter } from './root';
import { createCallerFactory } from './trpc';

/** Server-side calls without HTTP: `createCaller(createTRPCContext({ deps, session }))`. */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export { appRouter, type AppRouter };
export { createTRPCContext, type Context, type CreateContextOptions, type Session } from './trpc';
export { DOMAIN_TO_TRPC_CODE } from './error-mapping';
