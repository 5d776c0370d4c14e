'use client';
/**
 * "You flatlined": the dark overlay while dead, with who did it, the countdown until
 * respawning is allowed (and until it happens by itself), and the Respawn button.
 * In an arena there is no respawn: its end-of-match presentation (arena-result.tsx)
 * says "You are out" instead.
 */
import { useEffect, useRef } from 'react';
import { respawnTimers } from './self-combat-clock';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { formatLeft, useNow } from './use-frame';

export function DeathScreen() {
  const dead = useGame((s) => s.selfDead);
  const killer = useGame((s) => s.killer);
  const view = useGame((s) => s.selfCombat);
  const inArena = useGame((s) => s.arena !== null || s.arenaResult !== null);
  const { commands } = useGameSession();
  const now = useNow(200, dead);
  const button = useRef<HTMLButtonElement>(null);
  const timers = respawnTimers(view, now);
  const ready = !timers || timers.canRespawnIn <= 0;
  useEffect(() => {
    if (dead && ready) button.current?.focus();
  }, [dead, ready]);
  if (!dead) return null;
  if (inArena) return null;
  return (
    <div className="overlay overlay--death" data-testid="death-screen">
      <div className="death" role="alertdialog" aria-modal="true" aria-labelledby="death-title">
        <h2 id="death-title" className="death__title glitch">
          You flatlined
        </h2>
        <p className="death__killer" data-testid="death-killer">
          {killer ? (
            <>
              Killed by <b>{killer}</b>
            </>
          ) : (
            'Your vitals dropped to zero.'
          )}
        </p>
        <p className="death__timer" data-testid="respawn-countdown">
          {ready || !timers
            ? 'Trauma Team is standing by.'
            : `You can respawn in ${formatLeft(timers.canRespawnIn)}`}
        </p>
        <button
          ref={button}
          type="button"
          className="btn btn--primary death__btn"
          data-testid="respawn"
          disabled={!ready}
          onClick={commands.respawn}
        >
          Respawn at the clinic
        </button>
        {timers && (
          <p className="muted death__auto">
            Automatic respawn in {formatLeft(timers.autoRespawnIn)}
          </p>
        )}
      </div>
    </div>
  );
}
