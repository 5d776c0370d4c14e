'use client';
/**
 * The body of the Report dialog (player menu → Report): one reason from a short
 * list, an optional note, Send. The reported player's recent messages go with it
 * on the server's side, so the note can stay short.
 */
import { useState } from 'react';
import {
  PLAYER_REPORT_REASON_LABEL,
  PLAYER_REPORT_REASONS,
  type PlayerReportReason,
} from '@necp/shared';

const NOTE_MAX = 500;

export function ReportBody(p: {
  name: string;
  onCancel: () => void;
  onConfirm: (reason: PlayerReportReason, note: string) => void;
}) {
  const [reason, setReason] = useState<PlayerReportReason | null>(null);
  const [note, setNote] = useState('');
  return (
    <form
      className="report-form"
      data-testid="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason) p.onConfirm(reason, note.trim());
      }}
    >
      <p className="game-dialog__message">
        Why are you reporting {p.name}? Their recent public messages and whispers to you go with the
        report.
      </p>
      <fieldset className="report-form__reasons">
        <legend className="sr-only">Reason</legend>
        {PLAYER_REPORT_REASONS.map((r) => (
          <label key={r} className="report-form__reason">
            <input
              type="radio"
              name="reason"
              value={r}
              data-testid={`report-reason-${r}`}
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            {PLAYER_REPORT_REASON_LABEL[r]}
          </label>
        ))}
      </fieldset>
      <textarea
        className="field__input report-form__note"
        data-testid="report-note"
        aria-label="What happened (optional)"
        placeholder="What happened? (optional)"
        maxLength={NOTE_MAX}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="modal__actions">
        <button type="button" className="btn btn--ghost btn--small" onClick={p.onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn--danger btn--small"
          data-testid="confirm-ok"
          disabled={!reason}
        >
          Send report
        </button>
      </div>
    </form>
  );
}
