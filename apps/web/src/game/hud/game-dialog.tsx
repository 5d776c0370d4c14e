'use client';
/**
 * The in-game modal: a confirmation (destroy, respec), a quantity prompt (split) or
 * a player report (reason and note).
 * Enter confirms, Esc cancels; the game keeps running behind it.
 */
import { useEffect, useRef, useState } from 'react';
import { ReportBody } from './report-body';
import { useGame } from './store-context';

export function GameDialog() {
  const dialog = useGame((s) => s.dialog);
  const setDialog = useGame((s) => s.setDialog);
  if (!dialog) return null;
  const close = () => setDialog(null);
  return (
    <div className="modal-backdrop modal-backdrop--game" onMouseDown={close}>
      <div
        className={`panel game-dialog${(dialog.kind === 'confirm' && dialog.danger) || dialog.kind === 'report' ? ' panel--magenta' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="game-dialog-title"
        data-testid="confirm-dialog"
        data-kind={dialog.kind}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <p className="panel__title" id="game-dialog-title">
          {dialog.title}
        </p>
        {dialog.kind === 'confirm' && (
          <ConfirmBody
            message={dialog.message}
            label={dialog.confirmLabel}
            danger={dialog.danger}
            onCancel={close}
            onConfirm={() => {
              close();
              dialog.onConfirm();
            }}
          />
        )}
        {dialog.kind === 'quantity' && (
          <QuantityBody
            key={`${dialog.title}-${dialog.max}`}
            message={dialog.message}
            min={dialog.min}
            max={dialog.max}
            initial={dialog.initial}
            label={dialog.confirmLabel}
            onCancel={close}
            onConfirm={(n) => {
              close();
              dialog.onConfirm(n);
            }}
          />
        )}
        {dialog.kind === 'report' && (
          <ReportBody
            name={dialog.name}
            onCancel={close}
            onConfirm={(reason, note) => {
              close();
              dialog.onConfirm(reason, note);
            }}
          />
        )}
      </div>
    </div>
  );
}

function ConfirmBody(p: {
  message: string;
  label: string;
  danger?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  // destructive actions start on Cancel, so a stray Enter does no harm
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <>
      <p className="game-dialog__message">{p.message}</p>
      <div className="modal__actions">
        <button
          ref={cancelRef}
          type="button"
          className="btn btn--ghost btn--small"
          data-testid="confirm-cancel"
          onClick={p.onCancel}
        >
          Cancel
        </button>
        <button
          type="button"
          className={`btn btn--small ${p.danger ? 'btn--danger' : 'btn--primary'}`}
          data-testid="confirm-ok"
          onClick={p.onConfirm}
        >
          {p.label}
        </button>
      </div>
    </>
  );
}

function QuantityBody(p: {
  message?: string;
  min: number;
  max: number;
  initial: number;
  label: string;
  onCancel: () => void;
  onConfirm: (n: number) => void;
}) {
  const [value, setValue] = useState(String(p.initial));
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const n = Number(value);
  const valid = Number.isInteger(n) && n >= p.min && n <= p.max;
  const submit = () => valid && p.onConfirm(n);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {p.message && <p className="game-dialog__message">{p.message}</p>}
      <div className="qty">
        <button type="button" className="qty__step" onClick={() => setValue(String(p.min))}>
          «
        </button>
        <button
          type="button"
          className="qty__step"
          onClick={() => setValue(String(Math.max(p.min, (valid ? n : p.min) - 1)))}
        >
          −
        </button>
        <input
          ref={inputRef}
          className="field__input qty__input"
          data-testid="quantity-input"
          inputMode="numeric"
          aria-label="Quantity"
          value={value}
          onChange={(e) => setValue(e.target.value.replace(/[^0-9]/g, ''))}
        />
        <button
          type="button"
          className="qty__step"
          onClick={() => setValue(String(Math.min(p.max, (valid ? n : p.min) + 1)))}
        >
          +
        </button>
        <button type="button" className="qty__step" onClick={() => setValue(String(p.max))}>
          »
        </button>
      </div>
      <input
        type="range"
        className="qty__range"
        min={p.min}
        max={p.max}
        value={valid ? n : p.min}
        onChange={(e) => setValue(e.target.value)}
        aria-hidden
        tabIndex={-1}
      />
      <p className="muted qty__hint">
        {p.min} – {p.max}
      </p>
      <div className="modal__actions">
        <button type="button" className="btn btn--ghost btn--small" onClick={p.onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn--primary btn--small"
          data-testid="confirm-ok"
          disabled={!valid}
        >
          {p.label}
        </button>
      </div>
    </form>
  );
}
