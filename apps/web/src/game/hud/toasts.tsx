'use client';
import type { CSSProperties } from 'react';
import { rarityColor } from '../items/rarity';
import { useGame } from './store-context';

export function Toasts() {
  const toasts = useGame((s) => s.toasts);
  const dismiss = useGame((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div
          key={t.id}
          className={`toast toast--${t.kind}`}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          data-kind={t.kind}
        >
          <span>
            {t.text}
            {t.item && (
              <>
                {' '}
                <b
                  className="toast__item"
                  data-testid="toast-item"
                  data-rarity={t.item.rarity}
                  style={{ '--rarity': rarityColor(t.item.rarity) } as CSSProperties}
                >
                  {t.item.name}
                </b>
                {(t.item.quantity ?? 1) > 1 && ` ×${t.item.quantity}`}
              </>
            )}
          </span>
          <button
            type="button"
            className="toast__close"
            aria-label="Dismiss"
            onClick={() => dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
