'use client';
/**
 * The board: contracts open to take, newest first — by kind, and a word of the
 * target's name — each with its poster's public rating; Accept asks first when it
 * puts up collateral, then the contract is yours (My contracts).
 */
import { useState } from 'react';
import { CONTRACT_KINDS, type ContractKind, type ContractView } from '@necp/shared';
import { useGame } from '../hud/store-context';
import { useServerNow } from '../time/use-server-now';
import { eddiesText } from '../auction/auction-view';
import { ContractRow } from './contract-row';
import { KIND_LABEL, askText, contractActions } from './contracts-view';
import { useContractActions, useContractBoard } from './use-contracts';

export function ContractBoard({ onTaken }: { onTaken: () => void }) {
  const now = useServerNow(1000);
  const actions = useContractActions();
  const setDialog = useGame((s) => s.setDialog);
  const [kind, setKind] = useState<ContractKind | null>(null);
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const q = useContractBoard({ ...(kind ? { kind } : {}), ...(search ? { search } : {}) }, true);
  const rows = q.data ?? [];
  const take = (c: ContractView) => {
    const go = () => actions.accept.mutate({ contractId: c.id }, { onSuccess: onTaken });
    setDialog({
      kind: 'confirm',
      title: 'Take the contract',
      message: `${askText(c)} for ${eddiesText(c.reward)}${c.rewardItem ? ` and ${c.rewardItem.name} ×${c.rewardItem.quantity}` : ''}.${
        c.collateral > 0
          ? ` ${eddiesText(c.collateral)} of yours is held as collateral: you lose it if you abandon or miss the deadline.`
          : ''
      } The delivery clock starts now.`,
      confirmLabel: 'Take it',
      onConfirm: go,
    });
  };
  return (
    <div className="ct-board">
      <form
        className="ct-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(draft.trim());
        }}
      >
        <div className="ct-chips" role="radiogroup" aria-label="Kind">
          {[null, ...CONTRACT_KINDS].map((k) => (
            <button
              key={k ?? 'all'}
              type="button"
              role="radio"
              aria-checked={kind === k}
              className={`ah-chip${kind === k ? ' is-on' : ''}`}
              data-testid={`contract-filter-${k ?? 'all'}`}
              onClick={() => setKind(k)}
            >
              {k ? KIND_LABEL[k] : 'All'}
            </button>
          ))}
        </div>
        <input
          className="input input--small ct-filters__search"
          placeholder="Target name"
          aria-label="Search by target name"
          data-testid="contract-search"
          maxLength={32}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn btn--small" data-testid="contract-search-go">
          Search
        </button>
      </form>
      <ul className="ct-list" data-testid="contract-board">
        {rows.map((c) => {
          const can = contractActions(c, now);
          return (
            <ContractRow key={c.id} c={c} now={now}>
              {c.you === 'poster' && <span className="ah-badge">yours</span>}
              {can.accept && (
                <button
                  type="button"
                  className="btn btn--small ct-accept"
                  data-testid="contract-accept"
                  disabled={actions.pending}
                  onClick={() => take(c)}
                >
                  Accept
                </button>
              )}
            </ContractRow>
          );
        })}
        {q.isSuccess && rows.length === 0 && (
          <li className="ah-empty" data-testid="contract-board-empty">
            {kind || search
              ? 'No open contract matches. Try another kind or name.'
              : 'The board is empty. Post the first contract.'}
          </li>
        )}
        {q.isPending && <li className="ah-empty">Reading the board…</li>}
      </ul>
    </div>
  );
}
