/**
 * next-auth options: email + password (credentials provider) checked by the
 * domain's verifyLogin, JWT sessions carrying the user id, username and role.
 * Built lazily so importing this module (e.g. during `next build`) needs no env.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isDomainError, verifyLogin } from '@necp/game';
import { LoginInputSchema } from '@necp/shared';
import { getServerEnv } from '@/env';
import { clientIp } from './client-ip';
import { getDeps } from './deps';
import { deviceForLogin, rememberDevice } from './device-cookie';

const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getServerEnv();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const parsed = LoginInputSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error('Enter your email and password.');
          const deps = getDeps();
          try {
            const user = await verifyLogin(deps, {
              ...parsed.data,
              ip: clientIp(req.headers),
              device: await deviceForLogin(),
            });
            if (user.deviceToken) await rememberDevice(user.deviceToken);
            return {
              id: user.id,
              email: user.email,
              name: user.username,
              username: user.username,
              role: user.role,
            };
          } catch (e) {
            // next-auth hands an Error thrown here to signIn() as `res.error`.
            if (isDomainError(e)) throw new Error(e.userMessage);
            deps.log.error({ err: e }, 'sign-in failed');
            throw new Error('Sign-in failed. Please try again.');
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.username = user.username;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = {
            id: token.uid,
            email: token.email ?? '',
            username: token.username ?? token.name ?? '',
            role: token.role,
          };
        }
        return session;
      },
    },
  };
  return cached;
}
