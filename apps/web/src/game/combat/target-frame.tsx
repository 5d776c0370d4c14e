'use client';
/**
 * The target frame (top centre): name coloured by disposition (an arena enemy is
 * red, marked ENEMY), level, rank badge, health, status effects with time left,
 * and the target's cast bar.
 */
import { abilityName } from './content';
import type { CastView } from './combat-ui-slice';
import { useGame } from '../hud/store-context';
import { EffectIcons } from './effect-icons';
import { useAnimationFrame } from './use-frame';
import { useRef } from 'react';
import { Portrait } from '../render/art/portrait';

export function TargetFrame() {
  const t = useGame((s) => s.target);
  if (!t) return null;
  const frac = t.maxHealth > 0 ? Math.max(0, Math.min(1, t.health / t.maxHealth)) : 0;
  // a player of the other arena team is as hostile as any NPC
  const relation =
    t.kind === 'player' ? (t.hostile ? 'hostile' : 'player') : (t.disposition ?? 'hostile');
  return (
    <section
      className={`hud-card target target--${relation}${t.dead ? ' is-dead' : ''}${t.rank && t.rank !== 'normal' ? ` target--${t.rank}` : ''}`}
      data-testid="target-frame"
      data-eid={t.eid}
      data-health={t.health}
      data-dead={t.dead}
      data-hostile={t.hostile}
      aria-label={`Target: ${t.name}`}
    >
      <div className="target__row">
        <Portrait of={t.portrait} size={32} className="target__portrait" testId="target-portrait" />
        <span className="target__level" data-testid="target-level">
          {t.level}
        </span>
        <span className="target__name" data-testid="target-name">
          {t.name}
        </span>
        {t.rank === 'elite' && <span className="target__rank">ELITE</span>}
        {t.rank === 'boss' && <span className="target__rank target__rank--boss">☠ BOSS</span>}
        {t.kind === 'player' && t.hostile && (
          <span className="target__rank target__rank--enemy">ENEMY</span>
        )}
        <span className="target__dist" title="Distance">
          {t.distance.toFixed(0)} m
        </span>
      </div>
      <div
        className="bar bar--health"
        role="meter"
        aria-label="Target health"
        aria-valuemin={0}
        aria-valuemax={t.maxHealth}
        aria-valuenow={t.health}
      >
        <span className="bar__fill" style={{ width: `${frac * 100}%` }} />
        <span className="bar__text">{t.dead ? 'FLATLINED' : `${t.health} / ${t.maxHealth}`}</span>
      </div>
      {t.cast && !t.dead && <TargetCast cast={t.cast} />}
      <EffectIcons effects={t.effects} testId="target-effects" />
    </section>
  );
}

function TargetCast({ cast }: { cast: CastView }) {
  const fill = useRef<HTMLSpanElement>(null);
  useAnimationFrame((now) => {
    const f = (now - cast.startedAt) / Math.max(1, cast.endsAt - cast.startedAt);
    fill.current?.style.setProperty('width', `${Math.max(0, Math.min(1, f)) * 100}%`);
  });
  return (
    <div className="bar bar--cast bar--thin" data-testid="target-cast">
      <span ref={fill} className="bar__fill" />
      <span className="bar__text">{abilityName(cast.ability)}</span>
    </div>
  );
}
