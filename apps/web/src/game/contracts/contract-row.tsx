'use client';
/**
 * One contract as the board and My contracts show it: what it asks (the item's picture,
 * crossed pistols for a kill), who posted it with their public rating, what it pays
 * (eddies, and a stack), the collateral a taker puts up, its state and clock; the
 * caller gives the buttons (children) and anything under it (below).
 */
import type { ReactNode } from 'react';
import type { ContractView } from '@necp/shared';
import { GameIcon } from '../icons/game-icon';
import { ItemGlyph } from '../items/item-glyph';
import { eddiesText } from '../auction/auction-view';
import { STATE_LABEL, askText, clockText, clockUrgent, progressText } from './contracts-view';
import { RatingStars } from './rating-stars';

export function ContractGlyph({ kind, targetId }: Pick<ContractView, 'kind' | 'targetId'>) {
  if (kind !== 'kill') return <ItemGlyph templateId={targetId} size="sm" />;
  return (
    <span className="glyph glyph--sm ct-glyph--kill" aria-hidden>
      <GameIcon name="crossed-pistols" className="glyph__icon" />
    </span>
  );
}

export function ContractRow({
  c,
  now,
  children,
  below,
  extra,
}: {
  c: ContractView;
  now: number;
  children?: ReactNode;
  below?: ReactNode;
  /** a line of the viewer's own (what they hold towards it) */
  extra?: ReactNode;
}) {
  const clock = clockText(c, now);
  const progress = progressText(c);
  const other = c.you === 'poster' ? c.taker : c.poster;
  return (
    <li
      className={`ct-row ct-row--${c.kind}${c.you !== 'other' ? ` is-${c.you}` : ''}`}
      data-testid="contract-row"
      data-contract={c.id}
      data-state={c.state}
      data-kind={c.kind}
      data-you={c.you}
    >
      <ContractGlyph kind={c.kind} targetId={c.targetId} />
      <div className="ct-row__what">
        <p className="ct-row__ask">
          <b data-testid="contract-ask">{askText(c)}</b>
        </p>
        <p className="ct-row__meta">
          {c.you === 'other' ? (
            <span className="ct-row__who">
              {c.poster.name} <RatingStars rating={c.poster.rating} />
            </span>
          ) : !other ? (
            <span className="ct-row__who muted">no taker yet</span>
          ) : (
            <span className="ct-row__who">
              {c.you === 'poster' ? 'taken by' : 'for'} {other.name}{' '}
              <RatingStars rating={other.rating} />
            </span>
          )}
          {c.you !== 'other' && (
            <span
              className={`ct-state ct-state--${c.state}`}
              data-testid="contract-state"
              data-state={c.state}
            >
              {STATE_LABEL[c.state]}
            </span>
          )}
          {progress && (
            <span className="ct-row__progress" data-testid="contract-progress">
              {progress}
            </span>
          )}
          {clock && (
            <span
              className={`ct-row__clock${clockUrgent(c, now) ? ' is-soon' : ''}`}
              data-testid="contract-clock"
            >
              {clock}
            </span>
          )}
          {extra}
        </p>
        {c.note && <p className="ct-row__note">“{c.note}”</p>}
      </div>
      <div className="ct-row__pay">
        <span
          className="ct-row__reward"
          data-testid="contract-reward"
          title="Reward, held in escrow"
        >
          {eddiesText(c.reward)}
        </span>
        {c.rewardItem && (
          <span
            className="ct-row__stack"
            data-testid="contract-reward-item"
            title={`Also pays ${c.rewardItem.name} ×${c.rewardItem.quantity}`}
          >
            + <ItemGlyph templateId={c.rewardItem.templateId} size="sm" />
            {c.rewardItem.quantity > 1 && <span>×{c.rewardItem.quantity}</span>}
          </span>
        )}
        <span
          className="ct-row__collateral"
          data-testid="contract-collateral"
          title="Collateral the taker puts up (lost on a failure)"
        >
          {c.collateral > 0 ? `collateral ${eddiesText(c.collateral)}` : 'no collateral'}
        </span>
      </div>
      {children && <div className="ct-row__act">{children}</div>}
      {below && <div className="ct-row__below">{below}</div>}
    </li>
  );
}
