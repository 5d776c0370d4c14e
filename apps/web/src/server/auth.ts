/**
 * next-auth options: email + password (credentials provider) checked by
 * packages/api's signInWithPassword; JWT sessions naming the user and the login session, checked
 * against the database on every read (session-callbacks.ts). Sign-out also ends the
 * session server-side (events.signOut, besides the sign-out button's auth.signOut).
 * Built lazily so importing this module (e.g. during `next build`) needs no env.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { LOGIN_SESSION_MAX_AGE_SECONDS, SignInRefused, signInWithPassword } from '@necp/api/host';
import { getServerEnv } from '@/env';
import { clientIp } from './client-ip';
import { getDeps } from './deps';
import { deviceForLogin, rememberDevice } from './device-cookie';
import { sessionCallbacks, sessionEvents } from './session-callbacks';

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getServerEnv();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: LOGIN_SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const deps = getDeps();
          try {
            const { deviceToken, ...user } = await signInWithPassword(deps, credentials, {
              ip: clientIp(req.headers),
              device: await deviceForLogin(),
            });
            if (deviceToken) await rememberDevice(deviceToken);
            return { ...user, name: user.username };
          } catch (e) {
            // next-auth hands an Error thrown here to signIn() as `res.error`.
            if (e instanceof SignInRefused) throw e;
            deps.log.error({ err: e }, 'sign-in failed');
            throw new Error('Sign-in failed. Please try again.');
          }
        },
      }),
    ],
    callbacks: sessionCallbacks(getDeps),
    events: sessionEvents(getDeps),
    logger: {
      // a refused (signed-out, revoked, banned) token is routine, not an error
      error(code, metadata) {
        const name =
          metadata instanceof Error ? metadata.name : (metadata as { name?: unknown })?.name;
        if (code === 'JWT_SESSION_ERROR' && name === 'SessionEnded') return;
        getDeps().log.error({ code, metadata }, 'next-auth error');
      },
      warn(code) {
        getDeps().log.warn({ code }, 'next-auth warning');
      },
      debug() {},
    },
  };
  return cached;
}
