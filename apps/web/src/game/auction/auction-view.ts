/**
 * What the Reef Exchange's window says, as pure functions (unit-tested): time left as
 * an auction house says it, what a listing asks now, the viewer's part in it.
 */
import type { AuctionListingView, SealedLotView } from '@necp/shared';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** "2 d 4 h", "5 h 12 m", "37 min", "< 1 min", "ended". */
export function timeLeftText(endsAt: number, now: number): string {
  const left = endsAt - now;
  if (left <= 0) return 'ended';
  if (left < MIN) return '< 1 min';
  if (left < HOUR) return `${Math.floor(left / MIN)} min`;
  const h = Math.floor(left / HOUR);
  if (h < 24) return `${h} h ${Math.floor((left % HOUR) / MIN)} m`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** The last 5 minutes are when a bid moves the end on: the row says so. */
export const endingSoon = (endsAt: number, now: number) => endsAt - now < 5 * MIN;

export const eddiesText = (n: number) => `¥ ${n.toLocaleString('en-US')}`;

/** Whole eddies typed by a player ("1 200", "1,200", "1200"), or null. */
export function parseEddies(text: string): number | null {
  const t = text.replace(/[\s,_]/g, '');
  if (!/^\d{1,9}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 ? n : null;
}

/** The viewer's part, as a badge: null when it is none of theirs. */
export function mineBadge(l: Pick<AuctionListingView, 'mine' | 'state'>): string | null {
  const over = l.state !== 'live';
  switch (l.mine) {
    case 'seller':
      return over ? l.state : 'yours';
    case 'high_bidder':
      return over ? 'won' : 'leading';
    case 'outbid':
      return over ? 'lost' : 'outbid';
    default:
      return null;
  }
}

/** Whether the viewer may bid on it / buy it out / cancel it now. */
export function actionsFor(l: AuctionListingView, now: number) {
  const open = l.state === 'live' && l.endsAt > now;
  const theirs = l.mine !== 'seller';
  return {
    bid: open && theirs && l.mine !== 'high_bidder',
    buyout: open && theirs && l.buyout !== null,
    cancel: open && l.mine === 'seller' && l.bids === 0,
  };
}

/** A seasonal sealed lot's state in words: when it opens or closes, or who won it. */
export function lotStatusText(
  l: Pick<SealedLotView, 'phase' | 'opensAt' | 'closesAt' | 'winner' | 'price' | 'won'>,
  now: number,
): string {
  switch (l.phase) {
    case 'upcoming':
      return `opens in ${timeLeftText(l.opensAt, now)}`;
    case 'open':
      return `sealed · closes in ${timeLeftText(l.closesAt, now)}`;
    case 'closing':
      return 'closed · opening the bids…';
    case 'closed':
      if (l.price === null) return 'closed · no bid reached the reserve';
      return `${l.won ? 'you won it' : `won by ${l.winner ?? 'a bidder'}`} for ${eddiesText(l.price)}`;
  }
}
