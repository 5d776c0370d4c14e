'use client';
/**
 * The HUD's queue chip while queued (the queue and the time in it) and during a
 * ready check; a click opens the group finder (K). In a match the instance's own
 * HUD (the arena scoreboard) takes its place.
 */
import { QUEUE_LABEL, formatClock } from './queue-view';
import { useLocalNow } from '../time/use-server-now';
import { useGame } from '../hud/store-context';

export function QueueIndicator() {
  const status = useGame((s) => s.match.status);
  const togglePanel = useGame((s) => s.togglePanel);
  const now = useLocalNow(500);
  if (status.state === 'idle' || status.state === 'in_match') return null;
  const text = status.state === 'queued' ? formatClock(now - status.since) : 'match found';
  return (
    <button
      type="button"
      className={`qchip qchip--${status.state}`}
      data-testid="queue-indicator"
      data-state={status.state}
      title="Group finder (K)"
      onMouseDown={(e) => e.stopPropagation()}
      onClick={() => togglePanel('queue')}
    >
      <span className="qchip__icon" aria-hidden>
        ⚔
      </span>
      <span className="qchip__queue">{QUEUE_LABEL[status.queue]}</span>
      <span className="qchip__time">{text}</span>
    </button>
  );
}
