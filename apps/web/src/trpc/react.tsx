'use client';
/** TanStack Query + tRPC for client components: `useTRPC().x.y.queryOptions()` etc. */
import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@necp/api';
import { getQueryClient } from './query-client';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function trpcUrl(): string {
  // relative in the browser; during SSR no query runs, but the link still needs an absolute URL
  if (typeof window !== 'undefined') return '/api/trpc';
  return `http://localhost:${process.env.PORT ?? 3000}/api/trpc`;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // maxItems: the server refuses batches over TRPC_MAX_BATCH (server/request-limits.ts)
      links: [httpBatchLink({ url: trpcUrl(), transformer: superjson, maxItems: 16 })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
