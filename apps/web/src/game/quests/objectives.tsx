'use client';
/** A quest's objectives with progress bars (quest log, offers). */
import type { ObjectiveView } from '@necp/shared';
import { isCounted, objectiveFraction } from './format';

export function Objectives({
  objectives,
  preview,
}: {
  objectives: ObjectiveView[];
  preview?: boolean;
}) {
  return (
    <ul className="qobjs">
      {objectives.map((o) => (
        <li
          key={o.id}
          className={`qobj${o.done ? ' is-done' : ''}${o.locked ? ' is-locked' : ''}`}
          data-testid="quest-objective"
          data-objective-id={o.id}
          data-progress={o.progress}
          data-target={o.target}
          data-done={o.done}
        >
          <span className="qobj__box" aria-hidden>
            {o.done ? '✓' : o.locked ? '·' : ''}
          </span>
          <span className="qobj__label">
            {o.label}
            {o.where && <span className="qobj__where"> — {o.where.name}</span>}
            {o.locked && <span className="qobj__why"> (after the step before)</span>}
          </span>
          {!preview && isCounted(o) && (
            <span className="qobj__count">
              {Math.min(o.progress, o.target)}/{o.target}
            </span>
          )}
          {!preview && isCounted(o) && (
            <span className="qobj__bar" aria-hidden>
              <span style={{ width: `${objectiveFraction(o) * 100}%` }} />
            </span>
          )}
          {preview && isCounted(o) && <span className="qobj__count">×{o.target}</span>}
        </li>
      ))}
    </ul>
  );
}
