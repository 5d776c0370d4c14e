import { describe, expect, it } from 'vitest';
import type { AuctionListingView } from '@necp/shared';
import {
  actionsFor,
  endingSoon,
  lotStatusText,
  mineBadge,
  parseEddies,
  timeLeftText,
} from './auction-view';

const listing = (o: Partial<AuctionListingView> = {}): AuctionListingView => ({
  id: 'l1',
  templateId: 'stim_basic',
  name: 'Stim',
  category: 'consumable',
  rarity: 'common',
  level: 1,
  quantity: 1,
  durability: null,
  seller: 'Vex',
  startBid: 10,
  bid: 0,
  bids: 0,
  minBid: 10,
  buyout: 50,
  durationH: 12,
  endsAt: 10 * 60_000,
  state: 'live',
  mine: null,
  ...o,
});

describe('the Reef Exchange window', () => {
  it('says the time left the way an auction house does', () => {
    expect(timeLeftText(0, 1)).toBe('ended');
    expect(timeLeftText(30_000, 0)).toBe('< 1 min');
    expect(timeLeftText(37 * 60_000 + 5, 0)).toBe('37 min');
    expect(timeLeftText(5 * 3_600_000 + 12 * 60_000, 0)).toBe('5 h 12 m');
    expect(timeLeftText(52 * 3_600_000, 0)).toBe('2 d 4 h');
    expect(endingSoon(4 * 60_000, 0)).toBe(true);
    expect(endingSoon(6 * 60_000, 0)).toBe(false);
  });

  it('reads typed eddies, refusing what is not a whole positive number', () => {
    expect(parseEddies('1 200')).toBe(1200);
    expect(parseEddies('1,200')).toBe(1200);
    expect(parseEddies('0')).toBeNull();
    expect(parseEddies('-5')).toBeNull();
    expect(parseEddies('1.5')).toBeNull();
    expect(parseEddies('')).toBeNull();
    expect(parseEddies('9999999999')).toBeNull();
  });

  it('marks the viewer’s part and offers only what the server would allow', () => {
    expect(mineBadge(listing())).toBeNull();
    expect(mineBadge(listing({ mine: 'high_bidder' }))).toBe('leading');
    expect(mineBadge(listing({ mine: 'high_bidder', state: 'sold' }))).toBe('won');
    expect(mineBadge(listing({ mine: 'outbid', state: 'sold' }))).toBe('lost');
    expect(mineBadge(listing({ mine: 'seller', state: 'expired' }))).toBe('expired');
    expect(actionsFor(listing(), 0)).toEqual({ bid: true, buyout: true, cancel: false });
    expect(actionsFor(listing({ mine: 'high_bidder' }), 0)).toMatchObject({ bid: false });
    expect(actionsFor(listing({ mine: 'seller' }), 0)).toEqual({
      bid: false,
      buyout: false,
      cancel: true,
    });
    expect(actionsFor(listing({ mine: 'seller', bids: 1 }), 0).cancel).toBe(false);
    expect(actionsFor(listing(), 11 * 60_000)).toEqual({
      bid: false,
      buyout: false,
      cancel: false,
    });
    expect(actionsFor(listing({ buyout: null }), 0).buyout).toBe(false);
  });

  it('says where a sealed lot stands: opening, closing, who won it, or nobody', () => {
    const lot = { opensAt: 3_600_000, closesAt: 7_200_000, winner: null, price: null, won: false };
    expect(lotStatusText({ ...lot, phase: 'upcoming' }, 0)).toBe('opens in 1 h 0 m');
    expect(lotStatusText({ ...lot, phase: 'open' }, 3_600_000)).toBe('sealed · closes in 1 h 0 m');
    expect(lotStatusText({ ...lot, phase: 'closing' }, 7_300_000)).toBe(
      'closed · opening the bids…',
    );
    expect(lotStatusText({ ...lot, phase: 'closed' }, 8e6)).toBe(
      'closed · no bid reached the reserve',
    );
    expect(lotStatusText({ ...lot, phase: 'closed', winner: 'Vex', price: 31_500 }, 8e6)).toBe(
      'won by Vex for ¥ 31,500',
    );
    expect(
      lotStatusText({ ...lot, phase: 'closed', winner: 'Me', price: 25_000, won: true }, 8e6),
    ).toBe('you won it for ¥ 25,000');
  });
});
