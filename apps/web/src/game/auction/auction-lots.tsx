'use client';
/**
 * Season lots: the house's seasonal pieces, auctioned in the season's opening week with
 * sealed maximum bids (docs/economy.md "Seasonal sealed lots"). You see how many bid
 * and your own max, never theirs; at the close the highest max wins and pays what it
 * took to beat the next one; everyone else gets their max back.
 */
import { useState, type CSSProperties } from 'react';
import type { SealedLotView } from '@necp/shared';
import { useServerNow } from '../time/use-server-now';
import { useGame } from '../hud/store-context';
import { ItemGlyph } from '../items/item-glyph';
import { rarityColor } from '../items/rarity';
import { eddiesText, lotStatusText, parseEddies } from './auction-view';
import { useAuctionActions, useSealedLots } from './use-auction';

function LotRow({ l, now }: { l: SealedLotView; now: number }) {
  const actions = useAuctionActions();
  const toast = useGame((s) => s.toast);
  const [amount, setAmount] = useState('');
  const open = l.phase === 'open' && l.closesAt > now;
  const seal = () => {
    const max = parseEddies(amount);
    if (max === null) return toast('warn', 'A sealed max is a whole number of eddies.');
    actions.sealedBid.mutate({ lotId: l.id, max }, { onSuccess: () => setAmount('') });
  };
  return (
    <li
      className={`ah-lot${l.phase === 'closed' ? ' is-over' : ''}${l.won ? ' is-won' : ''}`}
      data-testid="auction-lot"
      data-lot={l.id}
      data-phase={l.phase}
      style={{ '--rarity': rarityColor(l.rarity) } as CSSProperties}
    >
      <ItemGlyph templateId={l.templateId} size="md" />
      <span className="ah-lot__body">
        <span className="ah-lot__name">
          {l.name}
          {l.quantity > 1 && <span className="ah-row__qty">×{l.quantity}</span>}
        </span>
        <span className="ah-lot__meta">
          lv {l.level} · reserve {eddiesText(l.reserve)} ·{' '}
          {l.bidders === 0 ? 'no bids' : `${l.bidders} bidder${l.bidders > 1 ? 's' : ''}`}
        </span>
        <span className="ah-lot__status" data-testid="auction-lot-status">
          {lotStatusText(l, now)}
        </span>
      </span>
      <span className="ah-lot__act">
        {l.myMax > 0 && (
          <span className="ah-lot__mine" data-testid="auction-lot-mine">
            your max {eddiesText(l.myMax)}
          </span>
        )}
        {open && (
          <span className="ah-lot__form">
            <input
              className="input input--small ah-row__amount"
              inputMode="numeric"
              data-testid="auction-lot-input"
              aria-label={`Sealed max on ${l.name}`}
              placeholder={String(Math.max(l.reserve, l.myMax + 1))}
              value={amount}
              onChange={(e) => setAmount(e.target.value.replace(/[^0-9]/g, ''))}
              onKeyDown={(e) => e.key === 'Enter' && seal()}
            />
            <button
              type="button"
              className="btn btn--small"
              data-testid="auction-lot-bid"
              disabled={actions.pending}
              onClick={seal}
            >
              {l.myMax > 0 ? 'Raise max' : 'Seal bid'}
            </button>
          </span>
        )}
      </span>
    </li>
  );
}

export function AuctionLots() {
  const now = useServerNow(1000);
  const q = useSealedLots(true);
  if (!q.data) return <p className="ah-empty">Reading the season’s lots…</p>;
  return (
    <div className="ah-lots">
      <p className="ah-lots__how">
        The house’s seasonal pieces, in each season’s opening week. Bids are sealed: enter the most
        you would pay — the highest max wins and pays only what it takes to beat the next one (5 %
        over it). Your max is held until the close; what you do not pay comes back.
      </p>
      <ul className="ah-list" data-testid="auction-lots">
        {q.data.map((l) => (
          <LotRow key={l.id} l={l} now={now} />
        ))}
        {q.data.length === 0 && <li className="ah-empty">No lots this season yet.</li>}
      </ul>
    </div>
  );
}
