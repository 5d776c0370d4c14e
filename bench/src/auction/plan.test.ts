import { describe, expect, it } from 'vitest';
import { seededRng } from '@necp/game';
import {
  AUCTION_CATEGORIES,
  AUCTION_LISTINGS_MAX,
  ITEM_TEMPLATES,
  RARITIES,
  auctionDeposit,
  minNextBid,
} from '@necp/shared';
import {
  BID_SHARE,
  BUYOUT_SHARE,
  MY_BID_EVERY,
  MY_ENDED,
  PRICE_MAX_SEEDED,
  listableTemplates,
  logUniform,
  planAuctions,
  sellerCounts,
} from './plan';

const NOW = Date.UTC(2026, 10, 30, 12);
const HOUR = 3_600_000;
const plan = planAuctions({
  listings: 8_000,
  ended: 1_000,
  seed: 5,
  now: NOW,
  templates: ITEM_TEMPLATES,
});
const share = (xs: readonly unknown[], n: number) => xs.length / n;

describe('planAuctions', () => {
  it('is deterministic for a seed', () => {
    const again = planAuctions({
      listings: 500,
      ended: 50,
      seed: 5,
      now: NOW,
      templates: ITEM_TEMPLATES,
    });
    const once = planAuctions({
      listings: 500,
      ended: 50,
      seed: 5,
      now: NOW,
      templates: ITEM_TEMPLATES,
    });
    expect(again).toEqual(once);
  });

  it('lists only listable kinds, with the template’s name, kind, level and rarity', () => {
    const byId = new Map(ITEM_TEMPLATES.map((t) => [t.id, t]));
    for (const l of [...plan.live, ...plan.ended]) {
      const t = byId.get(l.templateId)!;
      expect(AUCTION_CATEGORIES as readonly string[]).toContain(l.category);
      expect([l.name, l.category, l.level, l.rarity]).toEqual([
        t.name,
        t.kind,
        t.levelReq,
        t.rarity,
      ]);
      expect(l.quantity).toBeGreaterThanOrEqual(1);
      expect(l.quantity).toBeLessThanOrEqual(t.stackSize);
      expect(l.deposit).toBe(auctionDeposit(t.value, l.quantity, l.durationH));
    }
    // (nearly) every listable template and every rarity turns up, common ones more often than legendary ones
    const seen = new Set(plan.live.map((l) => l.templateId));
    expect(seen.size).toBeGreaterThan(listableTemplates(ITEM_TEMPLATES).length * 0.9);
    expect(new Set(plan.live.map((l) => l.rarity))).toEqual(new Set(RARITIES));
    const common = plan.live.filter((l) => l.rarity === 'common').length;
    const legendary = plan.live.filter((l) => l.rarity === 'legendary').length;
    expect(common).toBeGreaterThan(legendary * 5);
  });

  it('spreads starting bids log-uniformly over 1 … 1,000,000', () => {
    const bids = plan.live.map((l) => l.startBid);
    expect(Math.min(...bids)).toBe(1);
    expect(Math.max(...bids)).toBeLessThanOrEqual(PRICE_MAX_SEEDED);
    // each of the six decades holds about a sixth
    for (let d = 0; d < 6; d++) {
      const inDecade = bids.filter((b) => b >= 10 ** d && b < 10 ** (d + 1)).length;
      expect(inDecade / bids.length).toBeGreaterThan(0.12);
      expect(inDecade / bids.length).toBeLessThan(0.22);
    }
  });

  it('keeps prices, buyouts and held eddies as the domain would', () => {
    const withBuyout = plan.live.filter((l) => l.buyout !== null);
    const withBid = plan.live.filter((l) => l.bid > 0);
    expect(share(withBuyout, plan.live.length)).toBeCloseTo(BUYOUT_SHARE, 1);
    expect(share(withBid, plan.live.length)).toBeCloseTo(BID_SHARE, 1);
    for (const l of plan.live) {
      expect(l.price).toBe(minNextBid(l));
      expect(l.eddies).toBe(l.deposit + l.bid);
      if (l.buyout !== null) expect(l.buyout).toBeGreaterThan(l.startBid);
      if (l.bid > 0) {
        expect(l.bid).toBeGreaterThanOrEqual(l.startBid);
        if (l.buyout !== null) expect(l.bid).toBeLessThan(l.buyout);
        expect(l.bidder).not.toBe(l.seller);
        expect(l.bids).toBe(1);
      } else expect(l.bidder).toBeNull();
    }
  });

  it('has live listings end within their run, inside the next 48 h', () => {
    for (const l of plan.live) {
      expect(l.state).toBe('live');
      expect(l.itemId).not.toBeNull();
      expect(l.endsAt).toBeGreaterThan(NOW);
      expect(l.endsAt - NOW).toBeLessThanOrEqual(l.durationH * HOUR);
      expect(l.endsAt - l.listedAt).toBe(l.durationH * HOUR);
    }
    const durations = new Set(plan.live.map((l) => l.durationH));
    expect([...durations].sort((a, b) => a - b)).toEqual([12, 24, 48]);
  });

  it('keeps ended listings settled and in the past', () => {
    expect(new Set(plan.ended.map((l) => l.state))).toEqual(
      new Set(['sold', 'expired', 'cancelled']),
    );
    for (const l of plan.ended) {
      expect([l.itemId, l.eddies]).toEqual([null, 0]);
      expect(l.closedAt).toBeLessThan(NOW);
      expect(l.state === 'sold').toBe(l.bid > 0);
    }
    expect(plan.ended.slice(0, MY_ENDED).every((l) => l.seller === 0)).toBe(true);
  });

  it('gives seller 0 the cap of live listings and a few bids; nobody more than the cap', () => {
    const perSeller = new Map<number, number>();
    for (const l of plan.live) perSeller.set(l.seller, (perSeller.get(l.seller) ?? 0) + 1);
    expect(perSeller.get(0)).toBe(AUCTION_LISTINGS_MAX);
    expect(Math.max(...perSeller.values())).toBeLessThanOrEqual(AUCTION_LISTINGS_MAX);
    expect(perSeller.size).toBe(plan.sellers);
    // every MY_BID_EVERY-th listing with a bid is seller 0's high bid (unless it is its own)
    const myBids = plan.live.filter((l) => l.bidder === 0).length;
    const withBid = plan.live.filter((l) => l.bid > 0).length;
    expect(myBids).toBeGreaterThanOrEqual(Math.floor(withBid / MY_BID_EVERY) - 1);
    expect(myBids).toBeGreaterThan(0);
  });

  it('makes unique listing and item ids', () => {
    const all = [...plan.live, ...plan.ended];
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    expect(new Set(plan.live.map((l) => l.itemId)).size).toBe(plan.live.length);
  });
});

describe('sellerCounts', () => {
  it('hands out exactly the listings, every tenth seller at the cap', () => {
    const counts = sellerCounts(10_001, seededRng(1));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_001);
    counts.slice(0, -1).forEach((c, i) => {
      if (i % 10 === 0) expect(c).toBe(AUCTION_LISTINGS_MAX);
      else expect(c).toBeLessThanOrEqual(AUCTION_LISTINGS_MAX / 2);
      expect(c).toBeGreaterThanOrEqual(1);
    });
  });
});

describe('logUniform', () => {
  it('stays in [1, max]', () => {
    const rng = seededRng(3);
    for (let i = 0; i < 10_000; i++) {
      const x = logUniform(rng, 1000);
      expect(Number.isInteger(x) && x >= 1 && x <= 1000).toBe(true);
    }
  });
});
