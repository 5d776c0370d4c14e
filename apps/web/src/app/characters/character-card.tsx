import Link from 'next/link';
import type { CharacterSummary } from '@necp/shared';
import { Portrait } from '@/game/render/art/portrait';
import { classLabel, formatDateTime, originName } from './format';

interface Props {
  character: CharacterSummary;
  busy: boolean;
  onDelete?: (c: CharacterSummary) => void;
  onRestore?: (c: CharacterSummary) => void;
}

export function CharacterCard({ character: c, busy, onDelete, onRestore }: Props) {
  const deleted = c.deletedAt !== null;
  return (
    <article
      className={`panel char-card char-card--${c.class}${deleted ? ' char-card--deleted' : ''}`}
      data-testid="character-card"
      data-name={c.name}
      data-id={c.id}
      data-deleted={deleted ? 'true' : 'false'}
    >
      <div className="char-card__badge" aria-hidden="true">
        <Portrait
          of={{ kind: 'player', classId: c.class, origin: c.origin, seed: c.name }}
          size={58}
          testId="character-portrait"
        />
      </div>
      <div className="char-card__body">
        <h3 className="char-card__name">{c.name}</h3>
        <p className="char-card__meta">
          <span className="tag neon-yellow" data-testid="character-level">
            LVL {c.level}
          </span>{' '}
          <span data-testid="character-class">{classLabel(c.class)}</span> ·{' '}
          <span data-testid="character-origin">{originName(c.origin)}</span>
        </p>
        <p className="char-card__zone muted">
          <span className="char-card__label">zone</span>{' '}
          <span data-testid="character-zone">{c.zoneName}</span>
          {c.lastPlayedAt && <> · last seen {formatDateTime(c.lastPlayedAt)}</>}
        </p>
        {deleted && c.restorableUntil && (
          <p className="char-card__restore" data-testid="restorable-until">
            Deleted — restorable until {formatDateTime(c.restorableUntil)}
          </p>
        )}
      </div>
      <div className="char-card__actions">
        {deleted ? (
          <button
            type="button"
            className="btn btn--magenta"
            data-testid="restore-character"
            aria-label={`Restore ${c.name}`}
            disabled={busy}
            onClick={() => onRestore?.(c)}
          >
            Restore
          </button>
        ) : (
          <>
            <Link
              href={`/play?c=${encodeURIComponent(c.id)}`}
              className="btn btn--primary"
              data-testid="enter-character"
              aria-label={`Enter the city as ${c.name}`}
            >
              ▶ Enter
            </Link>
            <button
              type="button"
              className="btn btn--danger btn--small"
              data-testid="delete-character"
              aria-label={`Delete ${c.name}`}
              disabled={busy}
              onClick={() => onDelete?.(c)}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </article>
  );
}
