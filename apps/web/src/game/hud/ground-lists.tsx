'use client';
/**
 * Invisible to players, present for tests and assistive tech (like
 * visible-players): the loot and crates in view, positions in metres.
 * `mine`: this character may pick the drop up now.
 */
import { useGame } from './store-context';

export function GroundLists() {
  const drops = useGame((s) => s.drops);
  const crates = useGame((s) => s.crates);
  const json = JSON.stringify(
    drops.map((d) => ({
      eid: d.eid,
      templateId: d.templateId,
      name: d.name,
      x: d.x,
      y: d.y,
      mine: d.mine,
    })),
  );
  return (
    <>
      <ul
        className="sr-only"
        aria-label="Loot on the ground"
        data-testid="ground-drops"
        data-count={drops.length}
        data-drops={json}
      >
        {drops.map((d) => (
          <li
            key={d.eid}
            data-eid={d.eid}
            data-template={d.templateId}
            data-x={d.x}
            data-y={d.y}
            data-mine={d.mine}
          >
            {d.name}
            {d.quantity > 1 ? ` ×${d.quantity}` : ''} at {d.x}, {d.y}
            {d.mine ? '' : ' (not yours yet)'}
          </li>
        ))}
      </ul>
      <ul
        className="sr-only"
        aria-label="Crates in view"
        data-testid="crates"
        data-count={crates.length}
      >
        {crates.map((c) => (
          <li
            key={c.eid}
            data-testid="crate"
            data-eid={c.eid}
            data-name={c.name}
            data-x={c.x}
            data-y={c.y}
          >
            {c.name} at {c.x}, {c.y}
          </li>
        ))}
      </ul>
    </>
  );
}
