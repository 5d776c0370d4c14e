'use client';
/** Heads-up display over the canvas: who you are, where you are, and the link state. */
import { useRef } from 'react';
import { resourceLabel } from '../combat/resource';
import { useInventory } from '../items/use-inventory';
import { EffectIcons } from '../combat/effect-icons';
import { ConnectionIndicator } from './connection-indicator';
import { InstanceLeaveButton } from './instance-leave-button';
import { KeyHelp } from './key-help';
import { useDockHeight } from './use-dock-height';
import { WeightBar } from '../items/weight-bar';
import { useGame } from './store-context';
import { Portrait } from '../render/art/portrait';

export function Hud() {
  const self = useGame((s) => s.self);
  const zone = useGame((s) => s.zone);
  const combat = useGame((s) => s.selfCombat);
  const classId = useGame((s) => s.classId);
  const origin = useGame((s) => s.origin);
  const effects = useGame((s) => s.selfEffects);
  const inCombat = combat?.state.inCombat ?? false;
  const { model: inv } = useInventory();
  // the chat window docks above this card, however tall it grows (chat.css)
  const where = useRef<HTMLElement>(null);
  useDockHeight(where, '--where-h');
  const frac =
    self && self.maxHealth > 0 ? Math.max(0, Math.min(1, self.health / self.maxHealth)) : 0;
  return (
    <div className="hud" aria-label="Game status">
      <section className={`hud-card hud__self${inCombat ? ' is-fighting' : ''}`}>
        <div className="hud__row">
          {self && (
            <Portrait
              of={{ kind: 'player', classId, origin, seed: self.name, relation: 'self' }}
              // the level badge's height: the card keeps its size (sheets dock under it)
              size={30}
              className="hud__portrait"
              testId="hud-portrait"
            />
          )}
          <span className="hud__level" data-testid="hud-level">
            {self?.level ?? '–'}
          </span>
          <span className="hud__name" data-testid="hud-name">
            {self?.name ?? '…'}
          </span>
          {inCombat && (
            <span className="hud__combat" title="In combat" data-testid="hud-in-combat">
              ⚔
            </span>
          )}
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
        {combat && (
          <ResourceBar
            value={combat.state.resource}
            max={combat.state.maxResource}
            label={resourceLabel(classId)}
          />
        )}
        <EffectIcons effects={effects} testId="self-effects" />
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

      <section ref={where} className="hud-card hud__where" data-testid="hud-where">
        <span className="hud__zone" data-testid="hud-zone">
          {zone?.name ?? '—'}
        </span>
        <span className="hud__coords" data-testid="hud-coords" data-x={self?.x} data-y={self?.y}>
          {self ? `X ${self.x.toFixed(1)}  Y ${self.y.toFixed(1)}` : 'X —  Y —'}
        </span>
        <ConnectionIndicator />
        <InstanceLeaveButton />
      </section>

      <KeyHelp />
    </div>
  );
}

function ResourceBar({ value, max, label }: { value: number; max: number; label: string }) {
  const frac = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return (
    <div
      className={`hud__resource hud__resource--${label.toLowerCase()}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.round(value)}
      data-testid="hud-resource"
      data-value={Math.round(value)}
    >
      <span className="hud__resource-fill" style={{ width: `${frac * 100}%` }} />
      <span className="hud__health-text">
        {label} {Math.round(value)} / {max}
      </span>
    </div>
  );
}
