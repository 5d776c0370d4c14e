'use client';
import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useTRPC } from '@/trpc/react';

/**
 * Ends the session on the server first (auth.signOut: a copy of the cookie stops
 * working), then lets next-auth clear the cookie. If the first call fails the sign-out
 * goes on: next-auth's signOut event ends the session server-side as well.
 */
export function SignOutButton({ className = 'btn btn--ghost btn--small' }: { className?: string }) {
  const trpc = useTRPC();
  const end = useMutation(trpc.auth.signOut.mutationOptions());
  const busy = end.isPending || end.isSuccess;
  return (
    <button
      type="button"
      className={className}
      data-testid="sign-out"
      disabled={busy}
      aria-busy={busy}
      onClick={() =>
        void end
          .mutateAsync()
          .catch(() => undefined)
          .then(() => signOut({ callbackUrl: '/' }))
      }
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
