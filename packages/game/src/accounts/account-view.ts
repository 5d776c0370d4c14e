import type { Role } from '@necp/shared';

/** What callers (tRPC, next-auth) learn about an account: never the hash or counters. */
export interface AccountView {
  id: string;
  email: string;
  username: string;
  role: Role;
}

export const accountViewSelect = { id: true, email: true, username: true, role: true } as const;
