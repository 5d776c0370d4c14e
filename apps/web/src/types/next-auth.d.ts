// What our JWT session carries (see src/server/auth.ts and session-callbacks.ts).
import type { Role } from '@necp/shared';
import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  /** what the credentials provider's authorize returns */
  interface User {
    id: string;
    username: string;
    sessionId: string;
    sessionVersion: number;
  }
  interface Session {
    /**
     * the login session (one sign-in), so sign-out can end exactly this one; not a
     * secret: it grants nothing and only the cookie's own session can be ended
     */
    sessionId: string;
    /** read from the database on every request (role included), never from the token */
    user: { id: string; email: string; username: string; role: Role };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    /** session id, random per sign-in */
    sid?: string;
    /** User.sessionVersion at sign-in */
    sv?: number;
  }
}
