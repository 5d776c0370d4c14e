'use client';
/**
 * What one side of a contract may do now (contractActions: the shared state table),
 * as buttons: withdraw it, give it up, deliver, confirm — those that move money ask
 * first in the game's own dialog — dispute with a reason, and rate the other side
 * 1–5 once it is done.
 */
import { useState } from 'react';
import { CONTRACT_RATING_MAX, type ContractView } from '@necp/shared';
import { useGame } from '../hud/store-context';
import { eddiesText } from '../auction/auction-view';
import { askText, contractActions } from './contracts-view';
import { useContractActions } from './use-contracts';

export function ContractControls({ c, now }: { c: ContractView; now: number }) {
  const actions = useContractActions();
  const setDialog = useGame((s) => s.setDialog);
  const can = contractActions(c, now);
  const busy = actions.pending;
  const ref = { contractId: c.id };
  const ask = (title: string, message: string, label: string, go: () => void, danger = false) =>
    setDialog({ kind: 'confirm', title, message, confirmLabel: label, danger, onConfirm: go });
  const taker = c.taker?.name ?? 'the taker';
  return (
    <>
      {can.deliver && (
        <button
          type="button"
          className="btn btn--small"
          data-testid="contract-deliver"
          disabled={busy}
          onClick={() => actions.deliver.mutate(ref)}
        >
          Deliver
        </button>
      )}
      {can.confirm && (
        <button
          type="button"
          className="btn btn--small ct-confirm"
          data-testid="contract-confirm"
          disabled={busy}
          onClick={() =>
            ask(
              'Confirm the delivery',
              `${taker} gets ${eddiesText(c.reward + c.collateral)}${c.rewardItem ? ` and ${c.rewardItem.name}` : ''}${c.kind === 'kill' ? '' : '; what they delivered comes to you by mail'}. This ends the contract.`,
              'Confirm',
              () => actions.confirm.mutate(ref),
            )
          }
        >
          Confirm
        </button>
      )}
      {can.cancel && (
        <button
          type="button"
          className="btn btn--small btn--ghost"
          data-testid="contract-cancel"
          disabled={busy}
          onClick={() =>
            ask(
              'Withdraw the contract',
              `${askText(c)} comes off the board and its reward back to you. The posting fee (${eddiesText(c.fee)}) is kept.`,
              'Withdraw',
              () => actions.cancel.mutate(ref),
              true,
            )
          }
        >
          Withdraw
        </button>
      )}
      {can.abandon && (
        <button
          type="button"
          className="btn btn--small btn--ghost"
          data-testid="contract-abandon"
          disabled={busy}
          onClick={() =>
            ask(
              'Abandon the contract',
              `You give up ${askText(c)}.${c.collateral > 0 ? ` Your collateral (${eddiesText(c.collateral)}) goes to ${c.poster.name}.` : ''}`,
              'Abandon',
              () => actions.abandon.mutate(ref),
              true,
            )
          }
        >
          Abandon
        </button>
      )}
      {can.rate && <RateStars c={c} busy={busy} />}
    </>
  );
}

/** The dispute form, under a delivered contract of yours: a reason is required. */
export function DisputeForm({ c }: { c: ContractView }) {
  const actions = useContractActions();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <button
        type="button"
        className="btn btn--small btn--danger"
        data-testid="contract-dispute"
        onClick={() => setOpen(true)}
      >
        Dispute…
      </button>
    );
  const send = () => {
    const r = reason.trim();
    if (!r) return;
    actions.dispute.mutate({ contractId: c.id, reason: r }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form
      className="ct-inline ct-dispute"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <input
        className="input input--small"
        maxLength={500}
        autoFocus
        placeholder="What is wrong with the delivery?"
        aria-label="Reason for the dispute"
        data-testid="contract-dispute-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="submit"
        className="btn btn--small btn--danger"
        data-testid="contract-dispute-send"
        disabled={!reason.trim() || actions.pending}
      >
        Dispute
      </button>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}

function RateStars({ c, busy }: { c: ContractView; busy: boolean }) {
  const actions = useContractActions();
  const [hover, setHover] = useState(0);
  const other = c.you === 'poster' ? (c.taker?.name ?? 'the taker') : c.poster.name;
  return (
    <span className="ct-rate" data-testid="contract-rate" onMouseLeave={() => setHover(0)}>
      <span className="ct-label">Rate {other}</span>
      {Array.from({ length: CONTRACT_RATING_MAX }, (_, i) => i + 1).map((n) => (
        <button
          key={n}
          type="button"
          className={`ct-rate__star${n <= hover ? ' is-on' : ''}`}
          data-testid={`contract-rate-${n}`}
          aria-label={`${n} of ${CONTRACT_RATING_MAX}`}
          disabled={busy}
          onMouseEnter={() => setHover(n)}
          onFocus={() => setHover(n)}
          onClick={() => actions.rate.mutate({ contractId: c.id, score: n })}
        >
          ★
        </button>
      ))}
    </span>
  );
}
