'use client';
/**
 * The Bank tab: the guild's balance and yours, deposit and withdraw (what your rank
 * may still take out today beside it), and the bank log a page at a time (newest
 * first; Older / Newer). The server checks every amount again.
 */
import { useState, type FormEvent } from 'react';
import { useInventory } from '../items/use-inventory';
import {
  bankLogText,
  can,
  eddiesText,
  mayWithdraw,
  parseAmount,
  whenText,
  withdrawText,
  type MyGuild,
} from './guild-view';
import { refusal } from '@/trpc/errors';
import { useBankLog, useGuildActions } from './use-guild';

export function GuildBank({ g }: { g: MyGuild }) {
  const actions = useGuildActions();
  const eddies = useInventory().model?.eddies;
  return (
    <>
      <section className="guild__vault" aria-label="Guild bank">
        <span className="guild__vault-cell">
          <span className="guild__label">guild bank</span>
          <b className="guild__balance" data-testid="guild-bank-balance" data-value={g.bankEddies}>
            {eddiesText(g.bankEddies)}
          </b>
        </span>
        <span className="guild__vault-cell guild__vault-cell--you">
          <span className="guild__label">you carry</span>
          <b className="guild__carry">{eddies === undefined ? '—' : eddiesText(eddies)}</b>
        </span>
      </section>
      <AmountForm
        label="Deposit"
        testId="guild-deposit"
        note={can(g, 'deposit') ? 'from your eddies' : 'your rank cannot deposit'}
        enabled={can(g, 'deposit')}
        pending={actions.deposit.isPending}
        send={(amount, done) => actions.deposit.mutate(amount, { onSuccess: done })}
      />
      <AmountForm
        label="Withdraw"
        testId="guild-withdraw"
        note={withdrawText(g)}
        enabled={mayWithdraw(g)}
        pending={actions.withdraw.isPending}
        send={(amount, done) => actions.withdraw.mutate(amount, { onSuccess: done })}
      />
      <BankLog guildId={g.id} />
    </>
  );
}

interface AmountProps {
  label: string;
  testId: string;
  note: string;
  enabled: boolean;
  pending: boolean;
  send: (amount: number, done: () => void) => void;
}

function AmountForm({ label, testId, note, enabled, pending, send }: AmountProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending || !enabled) return;
    const r = parseAmount(text);
    if ('error' in r) return setError(r.error);
    setError(null);
    send(r.amount, () => setText(''));
  };
  return (
    <form className="guild__amount" onSubmit={submit} data-testid={`${testId}-form`}>
      <div className="guild__row">
        <span className="guild__amount-sign" aria-hidden>
          ¥
        </span>
        <input
          className="guild__input guild__input--amount"
          data-testid={`${testId}-input`}
          aria-label={`Eddies to ${label.toLowerCase()}`}
          inputMode="numeric"
          autoComplete="off"
          placeholder="0"
          maxLength={14}
          disabled={!enabled}
          aria-invalid={!!error}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <button
          type="submit"
          className="btn btn--small guild__btn guild__amount-btn"
          data-testid={testId}
          disabled={!enabled || pending || !text.trim()}
        >
          {label}
        </button>
      </div>
      <span className="guild__amount-note" data-testid={`${testId}-note`}>
        {error ? <span className="field__error">{error}</span> : note}
      </span>
    </form>
  );
}

function BankLog({ guildId }: { guildId: string }) {
  // cursors of the pages before this one (newest first): Newer pops, Older pushes
  const [stack, setStack] = useState<(string | undefined)[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const q = useBankLog(guildId, cursor);
  const rows = q.data?.items ?? [];
  const older = q.data?.nextCursor ?? null;
  return (
    <section className="friends__sec guild__log" aria-label="Bank log">
      <h3 className="friends__h">
        Bank log {stack.length > 0 && <span className="friends__n">page {stack.length + 1}</span>}
      </h3>
      {q.isError ? (
        <p className="form-error">{refusal(q.error)}</p>
      ) : !q.data ? (
        <p className="friends__empty muted">Reading the log…</p>
      ) : rows.length === 0 ? (
        <p className="friends__empty muted">Nothing deposited or withdrawn yet.</p>
      ) : (
        <ol className="guild__loglist" data-testid="guild-bank-log">
          {rows.map((e) => (
            <li
              key={e.id}
              className={`guild__logline is-${e.kind}`}
              data-testid="guild-bank-log-line"
              data-kind={e.kind}
            >
              <span className="guild__logtext">{bankLogText(e)}</span>
              <span className="guild__logafter" title="Balance after">
                = {eddiesText(e.balanceAfter)}
              </span>
              <time className="guild__logwhen" dateTime={new Date(e.at).toISOString()}>
                {whenText(e.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {(stack.length > 0 || older) && (
        <div className="guild__row guild__pager">
          <button
            type="button"
            className="btn btn--ghost btn--small guild__btn"
            data-testid="guild-log-newer"
            disabled={stack.length === 0}
            onClick={() => {
              setCursor(stack[stack.length - 1]);
              setStack(stack.slice(0, -1));
            }}
          >
            ‹ Newer
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small guild__btn"
            data-testid="guild-log-older"
            disabled={!older}
            onClick={() => {
              if (!older) return;
              setStack([...stack, cursor]);
              setCursor(older);
            }}
          >
            Older ›
          </button>
        </div>
      )}
    </section>
  );
}
