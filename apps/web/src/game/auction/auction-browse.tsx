'use client';
/** Browse the Reef Exchange: name, category, rarity, level and price; sorted; paged. */
import { useState } from 'react';
import { AUCTION_CATEGORIES, AUCTION_SORTS, RARITIES, type AuctionSort } from '@necp/shared';
import { useServerNow } from '../time/use-server-now';
import { parseEddies } from './auction-view';
import { AuctionRow } from './auction-row';
import { useAuctionSearch, type AuctionFilters } from './use-auction';

const SORT_LABEL: Record<AuctionSort, string> = {
  ends: 'Ending soonest',
  price: 'Price',
  level: 'Level',
  name: 'Name',
};

const level = (v: string) => {
  const n = Number(v);
  return v !== '' && Number.isInteger(n) && n >= 1 && n <= 50 ? n : undefined;
};

export function AuctionBrowse() {
  const now = useServerNow(1000);
  const [draft, setDraft] = useState({
    name: '',
    category: '',
    rarity: '',
    min: '',
    max: '',
    maxPrice: '',
  });
  const [sort, setSort] = useState<AuctionSort>('ends');
  const [desc, setDesc] = useState(false);
  const [filters, setFilters] = useState<AuctionFilters>({ sort: 'ends' });
  const q = useAuctionSearch({ ...filters, sort, desc }, true);
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const search = () => {
    const maxPrice = draft.maxPrice ? parseEddies(draft.maxPrice) : null;
    setFilters({
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      ...(draft.category ? { category: draft.category as AuctionFilters['category'] } : {}),
      ...(draft.rarity ? { rarity: draft.rarity as AuctionFilters['rarity'] } : {}),
      ...(level(draft.min) ? { minLevel: level(draft.min) } : {}),
      ...(level(draft.max) ? { maxLevel: level(draft.max) } : {}),
      ...(maxPrice ? { maxPrice } : {}),
    });
  };
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  return (
    <div className="ah-browse">
      <form
        className="ah-filters"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <input
          className="input input--small ah-filters__name"
          placeholder="Item name"
          data-testid="auction-search-name"
          maxLength={40}
          value={draft.name}
          onChange={set('name')}
        />
        <select
          className="input input--small"
          aria-label="Category"
          data-testid="auction-search-category"
          value={draft.category}
          onChange={set('category')}
        >
          <option value="">All kinds</option>
          {AUCTION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select
          className="input input--small"
          aria-label="Rarity"
          value={draft.rarity}
          onChange={set('rarity')}
        >
          <option value="">Any rarity</option>
          {RARITIES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <input
          className="input input--small ah-filters__lvl"
          placeholder="lv"
          aria-label="Lowest level"
          inputMode="numeric"
          value={draft.min}
          onChange={set('min')}
        />
        <input
          className="input input--small ah-filters__lvl"
          placeholder="lv"
          aria-label="Highest level"
          inputMode="numeric"
          value={draft.max}
          onChange={set('max')}
        />
        <input
          className="input input--small ah-filters__price"
          placeholder="max ¥"
          aria-label="Highest price"
          inputMode="numeric"
          value={draft.maxPrice}
          onChange={set('maxPrice')}
        />
        <button type="submit" className="btn btn--small" data-testid="auction-search">
          Search
        </button>
      </form>
      <div className="ah-head">
        <span>Item</span>
        <span>Time left</span>
        <button
          type="button"
          className="ah-head__sort"
          data-testid="auction-sort"
          title="Sort"
          onClick={() => (sort === 'price' ? setDesc(!desc) : (setSort('price'), setDesc(false)))}
        >
          Bid {sort === 'price' ? (desc ? '▼' : '▲') : ''}
        </button>
        <span>Buyout</span>
        <select
          className="input input--small"
          aria-label="Sort by"
          value={sort}
          onChange={(e) => setSort(e.target.value as AuctionSort)}
        >
          {AUCTION_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <ul className="ah-list" data-testid="auction-results">
        {rows.map((l) => (
          <AuctionRow key={l.id} l={l} now={now} />
        ))}
        {q.isSuccess && rows.length === 0 && (
          <li className="ah-empty" data-testid="auction-empty">
            Nothing on the Exchange matches. Try fewer filters.
          </li>
        )}
        {q.isPending && <li className="ah-empty">Reading the Exchange…</li>}
      </ul>
      {q.hasNextPage && (
        <button
          type="button"
          className="btn btn--ghost btn--small ah-more"
          disabled={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          More listings
        </button>
      )}
    </div>
  );
}
