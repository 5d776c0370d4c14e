'use client';
import { useEffect, useEffectEvent, useRef } from 'react';
import { CHARACTER_RESTORE_DAYS, type CharacterSummary } from '@necp/shared';

interface Props {
  character: CharacterSummary;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Modal confirmation; deletion is soft, so the text says how long it can be undone. */
export function DeleteDialog({ character, busy, error, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  // the latest onCancel without re-running the effect (which would steal focus) on every render
  const cancel = useEffectEvent(onCancel);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && cancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        className="panel panel--magenta modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="delete-title"
        data-testid="delete-dialog"
      >
        <h2 id="delete-title" className="neon-magenta">
          Delete {character.name}?
        </h2>
        <p>
          {character.name} leaves the city. You can restore them from this screen for{' '}
          {CHARACTER_RESTORE_DAYS} days; after that they are gone for good.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button
            ref={cancelRef}
            type="button"
            className="btn btn--ghost"
            onClick={onCancel}
            disabled={busy}
          >
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--danger"
            data-testid="confirm-delete"
            onClick={onConfirm}
            disabled={busy}
          >
            {busy ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </div>
    </div>
  );
}
