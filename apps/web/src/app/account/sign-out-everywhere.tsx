'use client';
import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';

/**
 * "Sign out everywhere": ends every session of the account on the server (every
 * device, this one included), then clears this browser's cookie. Asks once first.
 */
export function SignOutEverywhereSection() {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = useMutation(trpc.auth.signOutEverywhere.mutationOptions());
  const busy = revoke.isPending || revoke.isSuccess;

  async function signOutAll() {
    setError(null);
    try {
      await revoke.mutateAsync();
    } catch (err) {
      setError(refusal(err));
      return;
    }
    await signOut({ callbackUrl: '/signin' });
  }

  return (
    <section className="panel panel--magenta account__section" data-testid="sign-out-everywhere">
      <h2 className="panel__title">sessions</h2>
      <p>
        Lost a device, or signed in on a shared computer? End every session of this account at once.
        Every browser, this one included, has to sign in again; characters in the city are
        disconnected.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="account__actions">
        {confirming ? (
          <>
            <button
              type="button"
              className="btn btn--danger"
              data-testid="sign-out-everywhere-confirm"
              disabled={busy}
              aria-busy={busy}
              onClick={() => void signOutAll()}
            >
              {busy ? 'Signing out…' : 'Yes, sign out everywhere'}
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn--magenta"
            data-testid="sign-out-everywhere-button"
            onClick={() => setConfirming(true)}
          >
            Sign out everywhere
          </button>
        )}
      </div>
    </section>
  );
}
