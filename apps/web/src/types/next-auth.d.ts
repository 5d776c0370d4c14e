// What our JWT session carries (see src/server/auth.ts callbacks).
import type { Role } from '@necp/shared';
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    id: string;
    username: string;
    role: Role;
  }
  interface Session {
    user: { id: string; email: string; username: string; role: Role };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    username?: string;
    role?: Role;
  }
}
