/**
 * The query mix: what players ask the Exchange, one kind at a time. Each search kind
 * cycles through a few variants (round r takes variant r mod their number), so every
 * variant is measured as often as the others; run.ts fetches each search's page 2
 * with the cursor of page 1. `mine` is "my auctions" for seller 0 (40 live listings,
 * ended ones, a few dozen bids).
 */
import {
  AUCTION_CATEGORIES,
  RARITIES,
  type AuctionCategory,
  type AuctionSearchInput,
  type Rarity,
} from '@necp/shared';

export const AUCTION_QUERY_KINDS = [
  'ends',
  'name-word',
  'name-short',
  'category-price',
  'rarity-level',
  'rarity-price',
  'price-range',
  'level-desc',
  'name-sort',
  'mine',
] as const;
export type AuctionQueryKind = (typeof AUCTION_QUERY_KINDS)[number];
export type SearchKind = Exclude<AuctionQueryKind, 'mine'>;

/** Searches without the viewer (added by searchFor). */
type Search = Omit<AuctionSearchInput, 'characterId'>;

export const NAME_WORDS = ['stim', 'pistol', 'jacket', 'rifle'] as const;
export const NAME_SHORT = ['a', 'er', 'x', 'ka'] as const;
export const LEVEL_BANDS = [
  [1, 10],
  [10, 20],
  [20, 30],
  [30, 40],
  [40, 50],
] as const;
export const PRICE_BANDS = [
  [1, 50],
  [100, 1_000],
  [5_000, 20_000],
  [200_000, 1_000_000],
] as const;

/** What each kind asks, for the report. */
export const KIND_DESCRIPTION: Record<AuctionQueryKind, string> = {
  ends: 'no filter, ending soonest first (the window opening)',
  'name-word': `name part (${NAME_WORDS.map((w) => `"${w}"`).join(', ')}), by end`,
  'name-short': `1–2 letter name part (${NAME_SHORT.map((w) => `"${w}"`).join(', ')}), by end`,
  'category-price': 'a category, by price (cheapest, then dearest first)',
  'rarity-level': 'a rarity and a 10-level band (5 × 5 combinations), by end',
  'rarity-price': 'the same 25 rarity and level filters, by price',
  'price-range': `a price range (${PRICE_BANDS.map(([a, b]) => `${a}–${b}`).join(', ')}), by end`,
  'level-desc': 'no filter, highest level first',
  'name-sort': 'no filter, by name A–Z',
  mine: '"my auctions" of a seller with 40 live listings (selling + bidding)',
};

/** How many variants a kind cycles through. */
export function variantCount(kind: SearchKind): number {
  switch (kind) {
    case 'name-word':
      return NAME_WORDS.length;
    case 'name-short':
      return NAME_SHORT.length;
    case 'category-price':
      return AUCTION_CATEGORIES.length * 2;
    case 'rarity-level':
    case 'rarity-price':
      return RARITIES.length * LEVEL_BANDS.length;
    case 'price-range':
      return PRICE_BANDS.length;
    default:
      return 1;
  }
}

/** The search of `kind` in round `round` (page 1: no cursor). */
export function searchFor(
  kind: SearchKind,
  round: number,
  characterId: string,
): AuctionSearchInput {
  const v = round % variantCount(kind);
  const s: Search = ((): Search => {
    switch (kind) {
      case 'ends':
        return { sort: 'ends' };
      case 'name-word':
        return { name: NAME_WORDS[v]!, sort: 'ends' };
      case 'name-short':
        return { name: NAME_SHORT[v]!, sort: 'ends' };
      case 'category-price':
        return {
          category: AUCTION_CATEGORIES[v % AUCTION_CATEGORIES.length] as AuctionCategory,
          sort: 'price',
          desc: v >= AUCTION_CATEGORIES.length,
        };
      case 'rarity-level':
      case 'rarity-price': {
        const [minLevel, maxLevel] = LEVEL_BANDS[Math.floor(v / RARITIES.length)]!;
        const rarity = RARITIES[v % RARITIES.length] as Rarity;
        return { rarity, minLevel, maxLevel, sort: kind === 'rarity-level' ? 'ends' : 'price' };
      }
      case 'price-range': {
        const [minPrice, maxPrice] = PRICE_BANDS[v]!;
        return { minPrice, maxPrice, sort: 'ends' };
      }
      case 'level-desc':
        return { sort: 'level', desc: true };
      case 'name-sort':
        return { sort: 'name' };
    }
  })();
  return { characterId, ...s };
}

/** A short label of one search, e.g. `name "stim"` or `rare, level 20–30`. */
export function describeSearch(s: AuctionSearchInput): string {
  const parts: string[] = [];
  if (s.name) parts.push(`name "${s.name}"`);
  if (s.category) parts.push(s.category);
  if (s.rarity) parts.push(s.rarity);
  if (s.minLevel !== undefined) parts.push(`level ${s.minLevel}–${s.maxLevel}`);
  if (s.minPrice !== undefined) parts.push(`price ${s.minPrice}–${s.maxPrice}`);
  parts.push(`by ${s.sort ?? 'ends'}${s.desc ? ' desc' : ''}`);
  return parts.join(', ');
}

/** The kinds in a round's order: a seeded shuffle, so no kind always runs first or after another. */
export function roundOrder(round: number, seed: number): AuctionQueryKind[] {
  const xs = [...AUCTION_QUERY_KINDS];
  let h = (seed ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
  for (let i = xs.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    const j = h % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}
