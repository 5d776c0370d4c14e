'use client';
/** My auctions: what I sell (cancel while nobody has bid) and what I bid on (leading or outbid). */
import { useServerNow } from '../time/use-server-now';
import { AuctionRow } from './auction-row';
import { useMyAuctions } from './use-auction';

export function AuctionMine() {
  const now = useServerNow(1000);
  const q = useMyAuctions(true);
  if (!q.data) return <p className="ah-empty">Reading your auctions…</p>;
  const { selling, bidding } = q.data;
  return (
    <div className="ah-mine">
      <h3 className="ah-sub">Selling</h3>
      <ul className="ah-list" data-testid="auction-selling">
        {selling.map((l) => (
          <AuctionRow key={l.id} l={l} now={now} />
        ))}
        {selling.length === 0 && (
          <li className="ah-empty">Nothing listed. The Sell tab lists from your bag.</li>
        )}
      </ul>
      <h3 className="ah-sub">Bids</h3>
      <ul className="ah-list" data-testid="auction-bidding">
        {bidding.map((l) => (
          <AuctionRow key={l.id} l={l} now={now} />
        ))}
        {bidding.length === 0 && <li className="ah-empty">No bids yet.</li>}
      </ul>
    </div>
  );
}
