'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton({ className = 'btn btn--ghost btn--small' }: { className?: string }) {
  return (
    <button
      type="button"
      className={className}
      data-testid="sign-out"
      onClick={() => void signOut({ callbackUrl: '/' })}
    >
      Sign out
    </button>
  );
}
