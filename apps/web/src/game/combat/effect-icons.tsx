'use client';
/** Buff/debuff icons with stacks and time left (green frame: helps, red: hurts). */
import { effectLook } from './content';
import type { EffectView } from './combat-ui-slice';
import { formatLeft, useNow } from './use-frame';

export function EffectIcons({ effects, testId }: { effects: EffectView[]; testId: string }) {
  const now = useNow(250, effects.length > 0);
  const live = effects.filter((e) => e.endsAt > now);
  if (live.length === 0) return null;
  return (
    <ul className="fx-icons" data-testid={testId} data-count={live.length}>
      {live.map((e) => {
        const look = effectLook(e.id);
        const left = e.endsAt - now;
        const frac = Math.max(0, Math.min(1, left / Math.max(1, look.durationMs)));
        return (
          <li
            key={e.id}
            className={`fx-icon ${look.beneficial ? 'fx-icon--buff' : 'fx-icon--debuff'}`}
            data-effect={e.id}
            title={`${look.name} — ${formatLeft(left)} left`}
            style={{ '--left': frac } as React.CSSProperties}
          >
            <span className="fx-icon__glyph">{look.glyph}</span>
            {e.stacks > 1 && <span className="fx-icon__stacks">{e.stacks}</span>}
            <span className="fx-icon__time">{Math.ceil(left / 1000)}</span>
          </li>
        );
      })}
    </ul>
  );
}
