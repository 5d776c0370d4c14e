'use client';
/**
 * One report in the moderators' queue: who reported whom and why, the lines that
 * went with it (the reported player's highlighted; a masked word shown as typed),
 * and what to do about it.
 */
import { PLAYER_REPORT_REASON_LABEL } from '@necp/shared';
import type { RouterOutputs } from '@necp/api';

export type ReportRow = RouterOutputs['moderation']['reports']['items'][number];

export interface ReportAction {
  resolution: string;
  muteMinutes?: number;
}

const ACTIONS: readonly (ReportAction & { label: string; danger?: boolean })[] = [
  { label: 'Mute 1 h', resolution: 'muted 1 h', muteMinutes: 60, danger: true },
  { label: 'Mute 24 h', resolution: 'muted 24 h', muteMinutes: 24 * 60, danger: true },
  { label: 'Warned', resolution: 'warned' },
  { label: 'No action', resolution: 'no action' },
];

const time = (iso: string) => iso.slice(0, 19).replace('T', ' ');

export function ReportCard({
  report: r,
  busy,
  onAction,
}: {
  report: ReportRow;
  busy: boolean;
  onAction: (a: ReportAction) => void;
}) {
  const why =
    r.kind === 'player' ? PLAYER_REPORT_REASON_LABEL[r.reason] : (r.reason ?? 'no reason given');
  return (
    <article
      className={`panel report-card report-card--${r.kind}`}
      data-testid="report-card"
      data-kind={r.kind}
      data-target={r.targetName}
    >
      <header className="report-card__head">
        <span className="report-card__kind">{r.kind === 'chat' ? 'message' : 'player'}</span>
        <span>
          <b className="neon-cyan">{r.reporterName}</b> reported{' '}
          <b className="neon-yellow">{r.targetName}</b>
        </span>
        <span className="report-card__why">{why}</span>
        <time className="muted report-card__time" dateTime={r.createdAt}>
          {time(r.createdAt)}
        </time>
      </header>
      {r.kind === 'player' && r.note && <p className="report-card__note">“{r.note}”</p>}
      {r.context.length === 0 ? (
        <p className="muted report-card__ctx-empty">No messages went with it.</p>
      ) : (
        <ol className="report-card__ctx" aria-label="Messages">
          {r.context.map((m) => {
            const flagged = r.kind === 'chat' ? m.id === r.messageId : m.from === r.targetName;
            return (
              <li key={m.id} className={flagged ? 'is-flagged' : undefined}>
                <span className="muted">{time(new Date(m.at).toISOString()).slice(11)}</span>{' '}
                <span className="report-card__chan">[{m.channel}]</span> <b>{m.from ?? '—'}</b>
                {m.to ? ` → ${m.to}` : ''}: {m.text}
                {m.original && m.original !== m.text && (
                  <span className="report-card__orig"> (typed: {m.original})</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {r.resolvedAt ? (
        <p className="report-card__resolved" data-testid="report-resolution">
          Resolved {time(r.resolvedAt)}: <b>{r.resolution}</b>
        </p>
      ) : (
        <div className="report-card__actions">
          {ACTIONS.map((a) => (
            <button
              key={a.label}
              type="button"
              className={`btn btn--small${a.danger ? ' btn--danger' : ''}`}
              disabled={busy || (!!a.muteMinutes && !r.targetUserId)}
              data-testid={`report-${a.resolution.replace(/\s+/g, '-')}`}
              onClick={() => onAction(a)}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}
