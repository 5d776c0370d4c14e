'use client';
/** A quest's rewards: XP, eddies, items (and the pick-one choice), reputation. */
import type { CSSProperties } from 'react';
import type { QuestRewardsView, RewardItemView } from '@necp/shared';
import { ItemGlyph } from '../items/item-glyph';
import { rarityColor } from '../items/rarity';
import { eddies, signed } from './format';

export function RewardItem({
  item,
  picked,
  onPick,
}: {
  item: RewardItemView;
  picked?: boolean;
  onPick?: () => void;
}) {
  const style = { '--rarity': rarityColor(item.rarity) } as CSSProperties;
  const body = (
    <>
      <ItemGlyph templateId={item.templateId} size="sm" />
      <span className="qreward__name">{item.name}</span>
      {item.quantity > 1 && <span className="qreward__qty">×{item.quantity}</span>}
    </>
  );
  if (!onPick)
    return (
      <li
        className="qreward qreward--item"
        style={style}
        data-testid="reward-item"
        data-template={item.templateId}
      >
        {body}
      </li>
    );
  return (
    <li>
      <button
        type="button"
        className={`qreward qreward--item qreward--pick${picked ? ' is-picked' : ''}`}
        style={style}
        aria-pressed={picked}
        data-testid="reward-choice"
        data-template={item.templateId}
        onClick={onPick}
      >
        {body}
      </button>
    </li>
  );
}

export function Rewards({
  rewards,
  picked,
  onPick,
}: {
  rewards: QuestRewardsView;
  /** the turn-in's picked choice (templateId) */
  picked?: string | null;
  /** present: the choice items are buttons */
  onPick?: (templateId: string) => void;
}) {
  return (
    <div className="qrewards" data-testid="quest-rewards">
      <ul className="qrewards__row">
        {rewards.xp > 0 && (
          <li className="qreward qreward--xp" data-testid="reward-xp" data-value={rewards.xp}>
            +{rewards.xp.toLocaleString('en-US')} XP
          </li>
        )}
        {rewards.eddies > 0 && (
          <li
            className="qreward qreward--eddies"
            data-testid="reward-eddies"
            data-value={rewards.eddies}
          >
            {eddies(rewards.eddies)}
          </li>
        )}
        {rewards.items.map((i) => (
          <RewardItem key={i.templateId} item={i} />
        ))}
      </ul>
      {rewards.choice.length > 0 && (
        <>
          <p className="qrewards__label">{onPick ? 'Choose one:' : 'And one of:'}</p>
          <ul className="qrewards__row qrewards__row--choice">
            {rewards.choice.map((i) => (
              <RewardItem
                key={i.templateId}
                item={i}
                picked={picked === i.templateId}
                onPick={onPick && (() => onPick(i.templateId))}
              />
            ))}
          </ul>
        </>
      )}
      {rewards.reputation.length > 0 && (
        <ul className="qrewards__row">
          {rewards.reputation.map((r) => (
            <li
              key={r.factionId}
              className={`qreward qreward--rep ${r.delta >= 0 ? 'is-up' : 'is-down'}`}
              data-testid="reward-reputation"
              data-faction-id={r.factionId}
              data-delta={r.delta}
            >
              {r.factionName} {signed(r.delta)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
