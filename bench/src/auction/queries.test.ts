import { describe, expect, it } from 'vitest';
import {
  AUCTION_CATEGORIES,
  AuctionSearchInputSchema,
  ITEM_TEMPLATES,
  RARITIES,
} from '@necp/shared';
import {
  AUCTION_QUERY_KINDS,
  KIND_DESCRIPTION,
  NAME_SHORT,
  NAME_WORDS,
  describeSearch,
  roundOrder,
  searchFor,
  variantCount,
  type SearchKind,
} from './queries';

const SEARCH_KINDS = AUCTION_QUERY_KINDS.filter((k): k is SearchKind => k !== 'mine');
const names = ITEM_TEMPLATES.map((t) => t.name.toLowerCase());

describe('the query mix', () => {
  it('asks only valid searches, every variant once per cycle', () => {
    for (const kind of SEARCH_KINDS) {
      const n = variantCount(kind);
      const cycle = Array.from({ length: n }, (_, r) => searchFor(kind, r, 'c1'));
      for (const s of cycle) expect(AuctionSearchInputSchema.safeParse(s).success).toBe(true);
      expect(new Set(cycle.map((s) => describeSearch(s))).size).toBe(n);
      // the next cycle repeats it
      expect(searchFor(kind, n, 'c1')).toEqual(cycle[0]);
    }
  });

  it('looks for name parts items have: words, and one or two letters', () => {
    for (const w of [...NAME_WORDS, ...NAME_SHORT])
      expect(names.some((n) => n.includes(w))).toBe(true);
    expect(NAME_SHORT.every((w) => w.length <= 2)).toBe(true);
  });

  it('covers every category both ways and every rarity with every level band', () => {
    const cp = Array.from({ length: variantCount('category-price') }, (_, r) =>
      searchFor('category-price', r, 'c1'),
    );
    expect(new Set(cp.map((s) => s.category))).toEqual(new Set(AUCTION_CATEGORIES));
    expect(cp.filter((s) => s.desc).length).toBe(AUCTION_CATEGORIES.length);
    const rl = Array.from({ length: variantCount('rarity-level') }, (_, r) =>
      searchFor('rarity-level', r, 'c1'),
    );
    expect(new Set(rl.map((s) => s.rarity))).toEqual(new Set(RARITIES));
    expect(new Set(rl.map((s) => `${s.rarity} ${s.minLevel}`)).size).toBe(rl.length);
    expect(searchFor('rarity-price', 7, 'c1')).toEqual({ ...rl[7], sort: 'price' });
  });

  it('describes every kind', () => {
    for (const k of AUCTION_QUERY_KINDS) expect(KIND_DESCRIPTION[k].length).toBeGreaterThan(5);
  });

  it('orders each round as a permutation of every kind, not always the same', () => {
    const orders = Array.from({ length: 50 }, (_, r) => roundOrder(r, 28));
    for (const o of orders) expect([...o].sort()).toEqual([...AUCTION_QUERY_KINDS].sort());
    expect(new Set(orders.map((o) => o[0])).size).toBeGreaterThan(3);
    expect(roundOrder(3, 28)).toEqual(roundOrder(3, 28));
  });
});
