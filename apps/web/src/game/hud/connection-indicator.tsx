'use client';
import { useGame } from './store-context';

const LABEL = {
  connecting: 'Connecting',
  connected: 'Online',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
} as const;

export function ConnectionIndicator() {
  const status = useGame((s) => s.status);
  const ping = useGame((s) => s.pingMs);
  return (
    <div
      className={`conn conn--${status}`}
      data-testid="hud-connection"
      data-state={status}
      role="status"
      aria-live="polite"
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className="conn__label">{LABEL[status]}</span>
      {status === 'connected' && (
        <span className="conn__ping" data-testid="hud-ping">
          {ping === null ? '— ms' : `${ping} ms`}
        </span>
      )}
    </div>
  );
}
