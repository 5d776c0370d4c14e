'use client';
/** Heads-up display over the canvas: who you are, where you are, and the link state. */
import { useInventory } from '../items/use-inventory';
import { ConnectionIndicator } from './connection-indicator';
import { WeightBar } from './items/weight-bar';
import { useGame } from './store-context';

export function Hud() {
  const self = useGame((s) => s.self);
  const zone = useGame((s) => s.zone);
  const { model: inv } = useInventory();
  const frac =
    self && self.maxHealth > 0 ? Math.max(0, Math.min(1, self.health / self.maxHealth)) : 0;
  return (
    <div className="hud" aria-label="Game status">
      <section className="hud-card hud__self">
        <div className="hud__row">
          <span className="hud__level" data-testid="hud-level">
            {self?.level ?? '–'}
          </span>
          <span className="hud__name" data-testid="hud-name">
            {self?.name ?? '…'}
          </span>
        </div>
        <div
          className="hud__health"
          role="meter"
          aria-label="Health"
          aria-valuemin={0}
          aria-valuemax={self?.maxHealth ?? 0}
          aria-valuenow={self?.health ?? 0}
          data-testid="hud-health"
        >
          <span className="hud__health-fill" style={{ width: `${frac * 100}%` }} />
          <span className="hud__health-text">
            {self ? `${self.health} / ${self.maxHealth}` : '—'}
          </span>
        </div>
        <div className="hud__purse">
          <span
            className="eddies eddies--hud"
            data-testid="hud-eddies"
            data-value={inv?.eddies ?? ''}
          >
            <span className="eddies__sign">¥</span>
            {inv ? inv.eddies.toLocaleString('en-US') : '—'}
          </span>
          {inv && (
            <WeightBar weight={inv.weight} carry={inv.carryWeight} testId="hud-weight" compact />
          )}
        </div>
      </section>

      <section className="hud-card hud__where">
        <span className="hud__zone" data-testid="hud-zone">
          {zone?.name ?? '—'}
        </span>
        <span className="hud__coords" data-testid="hud-coords" data-x={self?.x} data-y={self?.y}>
          {self ? `X ${self.x.toFixed(1)}  Y ${self.y.toFixed(1)}` : 'X —  Y —'}
        </span>
        <ConnectionIndicator />
      </section>

      <p className="hud-card hud__help" data-testid="hud-help">
        <kbd>W</kbd>
        <kbd>A</kbd>
        <kbd>S</kbd>
        <kbd>D</kbd> / <kbd>↑</kbd>
        <kbd>←</kbd>
        <kbd>↓</kbd>
        <kbd>→</kbd> move · <kbd>F</kbd> loot · <kbd>E</kbd> use · <kbd>Esc</kbd> menu
      </p>
    </div>
  );
}
