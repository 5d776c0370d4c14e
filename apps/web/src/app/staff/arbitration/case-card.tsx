'use client';
/**
 * One disputed contract in the arbitration queue: the terms and both sides (with their
 * public ratings), what was delivered, the evidence lines in order, a note box (a
 * moderator's line in the case), and the ruling form — release, refund or split with
 * the taker's share on a slider, what each side would get and who pays the fee shown
 * before the ruling, a note required. mayRule false: why this moderator may not.
 */
import { useState } from 'react';
import {
  CONTRACT_RULINGS,
  contractArbitrationFee,
  settle,
  type ContractCaseView,
  type ContractRuleInput,
  type ContractRuling,
} from '@necp/shared';
import { eddiesText } from '@/game/auction/auction-view';
import { STATE_LABEL, askText, rulingText } from '@/game/contracts/contracts-view';
import { RatingStars } from '@/game/contracts/rating-stars';

const time = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

const RULING_LABEL: Record<ContractRuling, string> = {
  release: 'Release to the taker',
  refund: 'Refund the poster',
  split: 'Split the reward',
};

function Party({ side, p }: { side: string; p: ContractCaseView['poster'] | null }) {
  return (
    <span className="arb-party">
      <span className="muted">{side}</span> <b className="neon-cyan">{p?.name ?? '—'}</b>{' '}
      {p && <RatingStars rating={p.rating} />}
    </span>
  );
}

export function CaseCard({
  k,
  busy,
  onRule,
  onNote,
}: {
  k: ContractCaseView;
  busy: boolean;
  onRule: (input: ContractRuleInput, what: string) => void;
  onNote: (contractId: string, text: string, after: () => void) => void;
}) {
  const [ruling, setRuling] = useState<ContractRuling>('split');
  const [pct, setPct] = useState(50);
  const [why, setWhy] = useState('');
  const [note, setNote] = useState('');
  const s = settle(ruling, { reward: k.reward, collateral: k.collateral, takerPct: pct });
  const fee = contractArbitrationFee(k.reward);
  const disputedAt = k.evidence.find((e) => e.by === 'poster')?.at ?? null;
  return (
    <article
      className="panel report-card arb-case"
      data-testid="arbitration-case"
      data-contract={k.id}
      data-state={k.state}
    >
      <header className="report-card__head">
        <span className="report-card__kind">{k.kind}</span>
        <b className="neon-yellow" data-testid="arbitration-ask">
          {askText(k)}
        </b>
        <span className="muted">{STATE_LABEL[k.state]}</span>
        <time className="muted report-card__time" dateTime={disputedAt ?? k.postedAt}>
          disputed {time(disputedAt)}
        </time>
      </header>
      <div className="arb-terms">
        <Party side="poster" p={k.poster} />
        <Party side="taker" p={k.taker} />
        <span>
          reward <b className="neon-yellow">{eddiesText(k.reward)}</b>
          {k.rewardItem && ` + ${k.rewardItem.name} ×${k.rewardItem.quantity}`}
        </span>
        <span>collateral {eddiesText(k.collateral)}</span>
        <span className="muted">
          posted {time(k.postedAt)} · deadline {time(k.deadline)} · auto-release {time(k.releaseAt)}
        </span>
      </div>
      {k.note && <p className="report-card__note">“{k.note}”</p>}
      <p className="arb-delivered" data-testid="arbitration-delivered">
        <span className="muted">Delivered:</span>{' '}
        {k.delivered.length === 0
          ? k.kind === 'kill'
            ? `${k.progress} / ${k.quantity} kills counted`
            : 'nothing'
          : k.delivered.map((d) => `${d.name} ×${d.quantity}`).join(', ')}
      </p>
      <ol
        className="report-card__ctx arb-evidence"
        aria-label="Evidence"
        data-testid="arbitration-evidence"
      >
        {k.evidence.map((e, i) => (
          <li key={i} className={`arb-line arb-line--${e.by}`}>
            <span className="muted">{time(e.at).slice(5)}</span>{' '}
            <span className="report-card__chan">[{e.by}]</span> <b>{e.name}</b>: {e.text}
          </li>
        ))}
        {k.evidence.length === 0 && <li className="muted">No evidence yet.</li>}
      </ol>
      {k.ruling && (
        <p className="report-card__resolved" data-testid="arbitration-ruling">
          Ruled {time(k.ruling.at)} by <b>{k.ruling.by}</b>:{' '}
          <b>{rulingText(k.ruling.ruling, k.ruling.takerPct)}</b> — “{k.ruling.note}”
        </p>
      )}
      {k.state === 'disputed' && !k.mayRule && (
        <p className="arb-conflict" data-testid="arbitration-conflict" role="note">
          You cannot rule on this case: you are a party to it, or share a device or an address with
          one. Leave it to another moderator.
        </p>
      )}
      {k.state === 'disputed' && k.mayRule && (
        <div className="arb-act">
          <form
            className="arb-note"
            onSubmit={(e) => {
              e.preventDefault();
              if (note.trim()) onNote(k.id, note.trim(), () => setNote(''));
            }}
          >
            <input
              className="field__input"
              maxLength={500}
              placeholder="A note in the case (both sides see it)"
              aria-label="Note in the case"
              data-testid="arbitration-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button
              type="submit"
              className="btn btn--small"
              data-testid="arbitration-note-add"
              disabled={busy || !note.trim()}
            >
              Add note
            </button>
          </form>
          <form
            className="arb-rule"
            data-testid="arbitration-rule-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!why.trim()) return;
              onRule(
                {
                  contractId: k.id,
                  ruling,
                  takerPct: ruling === 'split' ? pct : 50,
                  note: why.trim(),
                },
                askText(k),
              );
            }}
          >
            <div className="arb-rule__choices" role="radiogroup" aria-label="Ruling">
              {CONTRACT_RULINGS.map((r) => (
                <label key={r} className={`arb-choice${r === ruling ? ' is-on' : ''}`}>
                  <input
                    type="radio"
                    name={`ruling-${k.id}`}
                    data-testid={`arbitration-ruling-${r}`}
                    checked={r === ruling}
                    onChange={() => setRuling(r)}
                  />
                  {RULING_LABEL[r]}
                </label>
              ))}
            </div>
            {ruling === 'split' && (
              <label className="arb-rule__pct">
                <span>
                  Taker <b>{pct} %</b> · poster <b>{100 - pct} %</b>
                </span>
                <input
                  type="range"
                  min={0}
                  max={100}
                  step={5}
                  value={pct}
                  data-testid="arbitration-pct"
                  aria-label="The taker's share of the reward"
                  onChange={(e) => setPct(Number(e.target.value))}
                />
              </label>
            )}
            <p className="arb-rule__sums" data-testid="arbitration-sums">
              Taker gets <b>{eddiesText(s.toTaker)}</b> · poster gets{' '}
              <b>{eddiesText(s.toPoster)}</b> · items to the {s.itemsTo} · fee {eddiesText(fee)}{' '}
              paid by{' '}
              {ruling === 'split'
                ? 'both, half each'
                : ruling === 'release'
                  ? 'the poster'
                  : 'the taker'}
            </p>
            <textarea
              className="field__input arb-rule__why"
              required
              maxLength={500}
              rows={2}
              placeholder="Why: both sides read this note"
              aria-label="Ruling note"
              data-testid="arbitration-why"
              value={why}
              onChange={(e) => setWhy(e.target.value)}
            />
            <button
              type="submit"
              className="btn btn--magenta btn--small"
              data-testid="arbitration-rule"
              disabled={busy || !why.trim()}
            >
              Rule: {RULING_LABEL[ruling].toLowerCase()}
            </button>
          </form>
        </div>
      )}
    </article>
  );
}
