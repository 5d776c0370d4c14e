'use client';
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { DisplayPanel } from '../render/display-panel';
import { SoundPanel } from '../sound/sound-panel';
import { useGame } from './store-context';

/** Esc menu: resume, the sound's volumes, the weather, back to character select, or sign out. */
export function EscapeMenu() {
  const open = useGame((s) => s.menuOpen);
  const setOpen = useGame((s) => s.setMenuOpen);
  const router = useRouter();
  const resumeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) resumeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay overlay--menu" data-testid="escape-menu">
      <nav className="panel menu" role="dialog" aria-modal="true" aria-label="Game menu">
        <p className="panel__title">menu</p>
        <button ref={resumeRef} type="button" className="btn" onClick={() => setOpen(false)}>
          Resume
        </button>
        <SoundPanel />
        <DisplayPanel />
        <button
          type="button"
          className="btn"
          data-testid="menu-characters"
          onClick={() => router.push('/characters')}
        >
          Character select
        </button>
        <button
          type="button"
          className="btn btn--danger"
          data-testid="menu-signout"
          onClick={() => void signOut({ callbackUrl: '/' })}
        >
          Sign out
        </button>
      </nav>
    </div>
  );
}
