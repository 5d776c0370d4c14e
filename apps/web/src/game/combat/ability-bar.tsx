'use client';
/**
 * The ability bar: the class's abilities on keys 1–6, the key table's (click works too).
 * Each slot shows its icon, key and cost; a clock sweep for its own cooldown or the global
 * cooldown; greyed when there is not enough resource or the target is out of reach.
 * Sweeps run per animation frame on the DOM (refs), not through React state.
 */
import { useContext, useEffect, useRef, type CSSProperties } from 'react';
import { RANGE_TOLERANCE_M, abilityRange, type AbilityTemplate } from '@necp/shared';
import { abilityOf } from './content';
import { GameIcon } from '../icons/game-icon';
import { abilityIconName } from '../icons/icon-names';
import { resourceLabel } from './resource';
import { cooldownFraction, cooldownLeft, gcdFraction, gcdLeft } from './self-combat-clock';
import { useSheet } from '../items/use-inventory';
import type { GameStore } from '../store/game-store';
import { useGameSession } from '../hud/game-session';
import { ABILITY_FACES } from '../input/key-bindings';
import { GameStoreContext, useGame } from '../hud/store-context';
import { useAnimationFrame } from './use-frame';

export function AbilityBar() {
  const bar = useGame((s) => s.bar);
  const classId = useGame((s) => s.classId);
  const shake = useGame((s) => s.shake);
  const weaponRange = useSheet().data?.stats.range ?? null;
  const { commands } = useGameSession();
  if (bar.length === 0) return null;
  return (
    <nav className="abilities" aria-label="Abilities" data-testid="ability-bar">
      {ABILITY_FACES.map((key, i) => {
        const id = bar[i];
        const a = id ? abilityOf(id) : undefined;
        if (!id || !a)
          return (
            <div key={key} className="ability ability--empty" aria-hidden>
              <kbd className="ability__key">{key}</kbd>
            </div>
          );
        return (
          <Slot
            key={`${key}:${id}`}
            slot={i}
            keyLabel={key}
            ability={a}
            resource={resourceLabel(classId)}
            weaponRange={weaponRange}
            shakeId={shake?.slot === i ? shake.id : null}
            onUse={() => commands.activateSlot(i)}
          />
        );
      })}
    </nav>
  );
}

interface SlotProps {
  slot: number;
  keyLabel: string;
  ability: AbilityTemplate;
  resource: string;
  weaponRange: number | null;
  shakeId: number | null;
  onUse: () => void;
}

function Slot({ slot, keyLabel, ability: a, resource, weaponRange, shakeId, onUse }: SlotProps) {
  const store = useContext(GameStoreContext) as GameStore;
  const el = useRef<HTMLButtonElement>(null);
  const timer = useRef<HTMLSpanElement>(null);
  const last = useRef('');

  // every refusal restarts the shake (remove, reflow, add)
  useEffect(() => {
    const node = el.current;
    if (!node || shakeId === null) return;
    node.classList.remove('is-shaking');
    void node.offsetWidth;
    node.classList.add('is-shaking');
    const t = setTimeout(() => node.classList.remove('is-shaking'), 450);
    return () => clearTimeout(t);
  }, [shakeId]);

  useAnimationFrame((now) => {
    const node = el.current;
    if (!node) return;
    const s = store.getState();
    const view = s.selfCombat;
    const own = cooldownFraction(view, a.id, now);
    const ownLeft = cooldownLeft(view, a.id, now);
    const gcd = a.gcd ? gcdFraction(view, now) : 0;
    const gLeft = a.gcd ? gcdLeft(view, now) : 0;
    // the longer wait wins the sweep
    const sweep = ownLeft >= gLeft ? own : gcd;
    node.style.setProperty('--sweep', sweep.toFixed(3));
    const resourceOk = (view?.state.resource ?? Infinity) >= a.cost;
    const reach = a.target === 'enemy' ? abilityRange(a, weaponRange ?? Infinity) : Infinity;
    const t = s.target;
    const far = !!t && !t.dead && a.target === 'enemy' && t.distance > reach + RANGE_TOLERANCE_M;
    const ready = !s.selfDead && ownLeft <= 0 && gLeft <= 0 && resourceOk;
    const text = ownLeft > 1500 ? String(Math.ceil(ownLeft / 1000)) : '';
    const key = `${ready}|${resourceOk}|${far}|${s.selfDead}|${text}|${sweep > 0}`;
    if (key === last.current) return;
    last.current = key;
    node.dataset.ready = String(ready);
    node.classList.toggle('is-nores', !resourceOk);
    node.classList.toggle('is-far', far);
    node.classList.toggle('is-dead', s.selfDead);
    node.classList.toggle('is-cooling', sweep > 0);
    node.classList.toggle('has-timer', text !== '');
    if (timer.current) timer.current.textContent = text;
  });

  const reachText =
    a.target === 'self'
      ? 'Self'
      : a.range > 0
        ? `${a.range} m`
        : weaponRange !== null
          ? `${weaponRange} m (weapon)`
          : 'Weapon reach';
  return (
    <button
      ref={el}
      type="button"
      className={`ability ability--${a.role}`}
      data-testid="ability-slot"
      data-slot={slot}
      data-ability={a.id}
      data-ready="false"
      aria-label={`${a.name} (${keyLabel})`}
      onClick={onUse}
      style={{ '--sweep': 0 } as CSSProperties}
    >
      <span className="ability__face">
        <span className="ability__glyph">
          <GameIcon name={abilityIconName(a.id)} className="ability__icon" />
        </span>
        <span className="ability__sweep" aria-hidden />
        <span ref={timer} className="ability__timer" aria-hidden />
      </span>
      <kbd className="ability__key">{keyLabel}</kbd>
      {a.cost > 0 && <span className="ability__cost">{a.cost}</span>}
      <span className="ability__tip" role="tooltip">
        <b>{a.name}</b>
        <span className="ability__tip-meta">
          {a.cost > 0 ? `${a.cost} ${resource}` : 'No cost'} · {reachText} ·{' '}
          {a.castMs > 0 ? `${(a.castMs / 1000).toFixed(1)}s cast` : 'Instant'}
          {a.cooldownMs > 0 ? ` · ${Math.round(a.cooldownMs / 1000)}s cooldown` : ''}
        </span>
        <span>{a.description}</span>
      </span>
    </button>
  );
}
