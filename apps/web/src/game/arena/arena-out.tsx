'use client';
/**
 * Dead in an arena: no clinic, no respawn (the sim refuses it there) — a notice
 * over a red-tinted view instead of the death screen, so the fallen can still
 * watch the fight and the scoreboard until the match ends.
 */
export function ArenaOut({ killer }: { killer: string | null }) {
  return (
    <div className="arena-out" data-testid="arena-out" role="status">
      <div className="arena-out__card">
        <p className="arena-out__title glitch">You are out.</p>
        {killer && (
          <p className="arena-out__killer">
            Taken down by <b>{killer}</b>
          </p>
        )}
        <p className="arena-out__hint">Wait for the match to end.</p>
      </div>
    </div>
  );
}
