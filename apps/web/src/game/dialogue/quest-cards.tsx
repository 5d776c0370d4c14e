'use client';
/**
 * Beside the conversation: the contact's quest offers (Accept) and turn-ins
 * (pick a reward when there is a choice, then Complete), and what the last
 * turn-in paid.
 */
import { useState } from 'react';
import type { QuestView, TurnInResult } from '@necp/shared';
import { chainText, eddies, signed, TIER_LABEL } from '../quests/format';
import { chainLength } from '../quests/quest-lists';
import { Objectives } from '../quests/objectives';
import { RewardItem, Rewards } from '../quests/rewards';

function QuestHead({ q }: { q: QuestView }) {
  return (
    <header className="qcard__head">
      <span className="qcard__level" title="Recommended level">
        {q.level}
      </span>
      <span className="qcard__title">{q.title}</span>
      {q.repeat !== 'none' && <span className={`qtag qtag--${q.repeat}`}>{q.repeat}</span>}
      {q.chain && (
        <span className="qcard__chain">{chainText(q.chain, chainLength(q.chain.id))}</span>
      )}
    </header>
  );
}

export function OfferCard({
  q,
  open,
  onToggle,
  onAccept,
  busy,
}: {
  q: QuestView;
  open: boolean;
  onToggle: () => void;
  onAccept: () => void;
  busy: boolean;
}) {
  return (
    <article
      className={`qcard qcard--offer${open ? ' is-open' : ''}`}
      data-testid="quest-offer"
      data-quest-id={q.id}
    >
      <button type="button" className="qcard__toggle" onClick={onToggle} aria-expanded={open}>
        <span className="qcard__mark qcard__mark--offer" aria-hidden>
          !
        </span>
        <QuestHead q={q} />
      </button>
      {open && (
        <div className="qcard__body">
          <p className="qcard__quote">{q.description}</p>
          <p className="qcard__h">Objectives</p>
          <Objectives objectives={q.objectives} preview />
          {q.failureNote && <p className="qcard__fail">⚠ {q.failureNote}</p>}
          {q.hint && <p className="qcard__hint">◆ {q.hint}</p>}
          <p className="qcard__h">Rewards</p>
          <Rewards rewards={q.rewards} />
          <div className="qcard__actions">
            <button
              type="button"
              className="btn btn--primary btn--small"
              data-testid="quest-accept"
              disabled={busy}
              onClick={onAccept}
            >
              Accept
            </button>
          </div>
        </div>
      )}
    </article>
  );
}

export function TurnInCard({
  q,
  onComplete,
  busy,
}: {
  q: QuestView;
  onComplete: (choice?: string) => void;
  busy: boolean;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const needsPick = q.rewards.choice.length > 0;
  return (
    <article
      className="qcard qcard--turnin is-open"
      data-testid="quest-turnin"
      data-quest-id={q.id}
    >
      <div className="qcard__toggle">
        <span className="qcard__mark qcard__mark--turnin" aria-hidden>
          ?
        </span>
        <QuestHead q={q} />
      </div>
      <div className="qcard__body">
        <p className="qcard__quote">{q.completion}</p>
        <p className="qcard__h">Rewards</p>
        <Rewards rewards={q.rewards} picked={picked} onPick={needsPick ? setPicked : undefined} />
        <div className="qcard__actions">
          {needsPick && !picked && <span className="qcard__need">Pick a reward first</span>}
          <button
            type="button"
            className="btn btn--primary btn--small"
            data-testid="quest-complete"
            disabled={busy || (needsPick && !picked)}
            onClick={() => onComplete(picked ?? undefined)}
          >
            Complete
          </button>
        </div>
      </div>
    </article>
  );
}

export function ReceivedCard({ r, onDismiss }: { r: TurnInResult; onDismiss: () => void }) {
  return (
    <article
      className="qcard qcard--received"
      data-testid="turnin-result"
      data-quest-id={r.quest.id}
      data-xp={r.xpGained}
      data-eddies={r.eddies}
      data-level={r.level}
    >
      <p className="qdone__kicker">Quest complete</p>
      <p className="qdone__title">{r.quest.title}</p>
      <ul className="qrewards__row">
        {r.xpGained > 0 && (
          <li className="qreward qreward--xp">+{r.xpGained.toLocaleString('en-US')} XP</li>
        )}
        {r.eddies > 0 && <li className="qreward qreward--eddies">+{eddies(r.eddies)}</li>}
        {r.items.map((i) => (
          <RewardItem key={i.templateId} item={i} />
        ))}
      </ul>
      {r.levelsGained > 0 && <p className="qdone__level">Level up! You are now level {r.level}.</p>}
      {r.reputation.length > 0 && (
        <ul className="qdone__rep">
          {r.reputation.map((c) => (
            <li
              key={c.factionId}
              className={c.delta >= 0 ? 'is-up' : 'is-down'}
              data-testid="turnin-reputation"
              data-faction-id={c.factionId}
              data-delta={c.delta}
              data-standing={c.standing}
            >
              {c.factionName} <b>{signed(c.delta)}</b>{' '}
              <span className="muted">
                ({TIER_LABEL[c.tier]}, {c.standing.toLocaleString('en-US')})
              </span>
              {c.tierChanged && <span className="qdone__tier"> — new tier!</span>}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn--ghost btn--small" onClick={onDismiss}>
        OK
      </button>
    </article>
  );
}
