'use client';
/** "F  Pick up …" / "F  Open …" / "E  Use bank terminal" when something is in reach. */
import type { CSSProperties } from 'react';
import { rarityColor } from '../items/rarity';
import { useGameSession } from './game-session';
import { useGame } from './store-context';

export function InteractionHint() {
  const reach = useGame((s) => s.reach);
  const bank = useGame((s) => s.bankNear);
  const bankOpen = useGame((s) => s.panels.bank);
  const { commands } = useGameSession();
  if (!reach && (!bank || bankOpen)) return null;
  return (
    <div className="hint" data-testid="interaction-hint" data-kind={reach?.kind ?? 'bank'}>
      {reach?.kind === 'drop' &&
        (reach.locked ? (
          <p className="hint__row hint__row--locked">
            <span className="hint__lock">⛒</span>
            <b style={{ '--rarity': rarityColor(reach.rarity) } as CSSProperties}>{reach.name}</b>
            <span className="muted">— not yours yet</span>
          </p>
        ) : (
          <button type="button" className="hint__row" onClick={commands.interact}>
            <kbd>F</kbd> Pick up
            <b style={{ '--rarity': rarityColor(reach.rarity) } as CSSProperties}>{reach.name}</b>
            {reach.quantity > 1 && <span className="muted">×{reach.quantity}</span>}
          </button>
        ))}
      {reach?.kind === 'crate' && (
        <button type="button" className="hint__row" onClick={commands.interact}>
          <kbd>F</kbd> Open <b className="hint__crate">{reach.name}</b>
        </button>
      )}
      {bank && !bankOpen && (
        <button type="button" className="hint__row" onClick={commands.toggleBank}>
          <kbd>E</kbd> Use <b className="hint__bank">{bank.name}</b>
        </button>
      )}
    </div>
  );
}
