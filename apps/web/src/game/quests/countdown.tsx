'use client';
/** A ticking "12:04" to a moment in server epoch ms (quest deadlines, resets). */
import { countdown, isUrgent } from './format';
import { useServerNow } from '../time/use-server-now';

export function Countdown({ to, label, testId }: { to: number; label?: string; testId?: string }) {
  const now = useServerNow(1000);
  return (
    <span
      className={`qtimer${isUrgent(to, now) ? ' is-urgent' : ''}`}
      data-testid={testId}
      data-deadline={to}
      title={new Date(to).toUTCString()}
    >
      <span className="qtimer__icon" aria-hidden>
        ◷
      </span>
      {label && <span className="qtimer__label">{label}</span>}
      {countdown(to, now)}
    </span>
  );
}
