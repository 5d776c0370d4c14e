'use client';
/**
 * A disputed (or ruled) contract's case, as its two sides see it: what was delivered,
 * the evidence lines of both sides and the moderator, the ruling once there is one;
 * while it waits, either side adds a line (at most 500 characters).
 */
import { useState } from 'react';
import { CONTRACT_EVIDENCE_MAX, type ContractView } from '@necp/shared';
import { ItemGlyph } from '../items/item-glyph';
import { rulingText } from './contracts-view';
import { useContractActions, useContractCase } from './use-contracts';

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

export function ContractCase({ c }: { c: ContractView }) {
  const q = useContractCase(c.id, true);
  const actions = useContractActions();
  const [text, setText] = useState('');
  const k = q.data;
  if (!k) return <p className="muted ct-case__wait">Reading the case…</p>;
  const open = k.state === 'disputed' && k.evidence.length < CONTRACT_EVIDENCE_MAX;
  const add = () => {
    const t = text.trim();
    if (!t) return;
    actions.evidence.mutate({ contractId: c.id, text: t }, { onSuccess: () => setText('') });
  };
  return (
    <div className="ct-case" data-testid="contract-case">
      {k.delivered.length > 0 && (
        <p className="ct-case__delivered">
          <span className="ct-label">Delivered</span>
          {k.delivered.map((d, i) => (
            <span key={i} className="ct-case__item">
              <ItemGlyph templateId={d.templateId} size="sm" /> {d.name} ×{d.quantity}
            </span>
          ))}
        </p>
      )}
      <ol className="ct-case__lines" data-testid="contract-evidence">
        {k.evidence.map((e, i) => (
          <li key={i} className={`ct-case__line ct-case__line--${e.by}`}>
            <span className="ct-case__by">
              {e.by === 'moderator' ? 'moderator' : e.name}
              <time className="muted" dateTime={e.at}>
                {' '}
                {time(e.at)}
              </time>
            </span>
            {e.text}
          </li>
        ))}
      </ol>
      {k.ruling && (
        <p className="ct-case__ruling" data-testid="contract-ruling" data-ruling={k.ruling.ruling}>
          <b>{rulingText(k.ruling.ruling, k.ruling.takerPct)}</b> — “{k.ruling.note}”
        </p>
      )}
      {open && (
        <form
          className="ct-inline"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input
            className="input input--small"
            maxLength={500}
            placeholder="Add to the case: what happened, when, who saw it"
            aria-label="Add evidence"
            data-testid="contract-evidence-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="submit"
            className="btn btn--small"
            data-testid="contract-evidence-add"
            disabled={!text.trim() || actions.pending}
          >
            Add
          </button>
        </form>
      )}
    </div>
  );
}
