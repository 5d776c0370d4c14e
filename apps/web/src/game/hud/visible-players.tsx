'use client';
/**
 * Invisible to players, present for tests and assistive tech: who is in view and
 * where the server last put them (the canvas itself cannot be inspected).
 */
import { useGame } from './store-context';

export function VisiblePlayers() {
  const visible = useGame((s) => s.visible);
  const players = visible.filter((v) => v.kind === 'player');
  return (
    <ul
      className="sr-only"
      aria-label="Players in view"
      data-testid="visible-players"
      data-count={players.length}
      data-names={players.map((p) => p.name).join(',')}
      data-positions={JSON.stringify(Object.fromEntries(players.map((p) => [p.name, [p.x, p.y]])))}
    >
      {visible.map((v) => (
        <li key={v.eid} data-name={v.name} data-kind={v.kind} data-x={v.x} data-y={v.y}>
          {v.name} at {v.x}, {v.y}
        </li>
      ))}
    </ul>
  );
}
