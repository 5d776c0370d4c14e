'use client';
/** The five attributes: spent value, item bonus, + buttons while points are unspent, respec. */
import { ATTRIBUTE_KEYS, type AttributeKey, type CharacterSheet } from '@necp/shared';
import { useGame } from '../hud/store-context';
import { ATTRIBUTE_INFO } from './attribute-info';
import { useProgressionActions } from './use-progression';

export function AttributesSection({ s }: { s: CharacterSheet }) {
  const { spendPoint, respec, pending } = useProgressionActions();
  const setDialog = useGame((st) => st.setDialog);
  const spentAny = ATTRIBUTE_KEYS.some((k) => s.attributes[k] > s.startingAttributes[k]);
  const canAfford = s.eddies >= s.respecCost;
  const refund = ATTRIBUTE_KEYS.reduce((n, k) => n + s.attributes[k] - s.startingAttributes[k], 0);

  return (
    <section className="sheet__section" aria-label="Attributes">
      <h3 className="sheet__h">
        Attributes
        {s.attributePoints > 0 && (
          <span
            className="sheet__points"
            data-testid="attribute-points"
            data-value={s.attributePoints}
          >
            {s.attributePoints} point{s.attributePoints > 1 ? 's' : ''} to spend
          </span>
        )}
      </h3>
      <ul className="attrlist">
        {ATTRIBUTE_KEYS.map((k) => (
          <AttrRow
            key={k}
            k={k}
            base={s.attributes[k]}
            total={s.stats.attributes[k]}
            max={s.attributeMax}
            canSpend={s.attributePoints > 0 && s.attributes[k] < s.attributeMax && !pending}
            onSpend={() => spendPoint(k)}
          />
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--small btn--magenta sheet__respec"
        data-testid="respec-button"
        data-cost={s.respecCost}
        disabled={pending || !spentAny || !canAfford}
        title={!spentAny ? 'No points spent yet' : !canAfford ? 'Not enough eddies' : undefined}
        onClick={() =>
          setDialog({
            kind: 'confirm',
            title: 'respec',
            message: `Reset your attributes to their starting values and get ${refund} point${refund === 1 ? '' : 's'} back to spend again. It costs ¥${s.respecCost.toLocaleString('en-US')} — and the next respec costs more.`,
            confirmLabel: `Pay ¥${s.respecCost.toLocaleString('en-US')}`,
            danger: true,
            onConfirm: respec,
          })
        }
      >
        Respec · ¥ {s.respecCost.toLocaleString('en-US')}
      </button>
    </section>
  );
}

function AttrRow(p: {
  k: AttributeKey;
  base: number;
  total: number;
  max: number;
  canSpend: boolean;
  onSpend: () => void;
}) {
  const info = ATTRIBUTE_INFO[p.k];
  const bonus = p.total - p.base;
  return (
    <li
      className="attrlist__row"
      data-testid={`attr-${p.k}`}
      data-value={p.total}
      data-base={p.base}
      title={info.blurb}
    >
      <span className="attrlist__name">{info.name}</span>
      <span className="attrlist__pips" aria-hidden>
        {Array.from({ length: p.max }, (_, i) => (
          <i key={i} className={i < p.base ? 'on' : i < p.total ? 'bonus' : ''} />
        ))}
      </span>
      <span className="attrlist__value">
        {p.total}
        {bonus !== 0 && (
          <span className={bonus > 0 ? 'delta delta--up' : 'delta delta--down'}>
            {bonus > 0 ? `+${bonus}` : bonus}
          </span>
        )}
      </span>
      {p.canSpend ? (
        <button
          type="button"
          className="attrlist__plus"
          data-testid={`attr-plus-${p.k}`}
          aria-label={`Raise ${info.name}`}
          onClick={p.onSpend}
        >
          +
        </button>
      ) : (
        <span className="attrlist__plus attrlist__plus--off" aria-hidden />
      )}
    </li>
  );
}
