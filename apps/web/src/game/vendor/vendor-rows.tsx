'use client';
/**
 * The rows of the vendor window's three lists: an item for sale, one in your bag,
 * one you sold. They only show and call back; what a click does (ask how many,
 * trade) stays with the window.
 */
import type { CSSProperties } from 'react';
import { vendorBuyPrice, type BuybackView, type VendorStockView } from '@necp/shared';
import { ItemGlyph } from '../items/item-glyph';
import { rarityColor } from '../items/rarity';
import { KIND_LABEL, itemName, templateOf } from '../items/templates';
import type { InvItem } from '../items/view-model';
import { eddies } from '../quests/format';

const rarityStyle = (rarity: string | undefined) =>
  ({ '--rarity': rarityColor(rarity) }) as CSSProperties;

export function StockRow({
  s,
  multiplier,
  eddies: purse,
  busy,
  onBuy,
}: {
  s: VendorStockView;
  multiplier: number;
  eddies: number;
  busy: boolean;
  onBuy: () => void;
}) {
  const value = templateOf(s.templateId)?.value;
  const base = value !== undefined ? vendorBuyPrice(value, 1) : s.price;
  const soldOut = s.left !== null && s.left <= 0;
  const short = purse < s.price;
  return (
    <li
      className={`vrow${soldOut ? ' is-out' : ''}`}
      style={rarityStyle(s.rarity)}
      data-testid="vendor-stock"
      data-template={s.templateId}
      data-price={s.price}
      data-left={s.left ?? ''}
    >
      <ItemGlyph templateId={s.templateId} />
      <span className="vrow__main">
        <span className="vrow__name">{s.name}</span>
        <span className="vrow__sub">
          {KIND_LABEL[s.kind] ?? s.kind}
          {s.levelReq > 1 && ` · level ${s.levelReq}`}
          {s.left !== null && (
            <span className={`vrow__left${soldOut ? ' is-out' : s.left <= 3 ? ' is-low' : ''}`}>
              {soldOut ? ' · sold out today' : ` · ${s.left} left today`}
            </span>
          )}
        </span>
      </span>
      <span className={`vrow__price${short ? ' is-short' : ''}`}>
        {base !== s.price && multiplier !== 1 && <s className="vrow__was">{eddies(base)}</s>}
        {eddies(s.price)}
      </span>
      <button
        type="button"
        className="btn btn--small vrow__btn"
        data-testid="vendor-buy"
        disabled={busy || soldOut}
        title={short ? 'Not enough eddies' : undefined}
        onClick={onBuy}
      >
        Buy
      </button>
    </li>
  );
}

export function SellRow({
  item,
  price,
  busy,
  onSell,
}: {
  item: InvItem;
  price: number | undefined;
  busy: boolean;
  onSell: () => void;
}) {
  const t = templateOf(item.templateId);
  const wanted = price !== undefined;
  return (
    <li
      className={`vrow${wanted ? '' : ' is-unwanted'}`}
      style={rarityStyle(t?.rarity)}
      data-testid="vendor-sell-item"
      data-item-id={item.id}
      data-template={item.templateId}
      data-price={price ?? ''}
    >
      <ItemGlyph templateId={item.templateId} />
      <span className="vrow__main">
        <span className="vrow__name">
          {itemName(item.templateId)}
          {item.quantity > 1 && <span className="vrow__qty"> ×{item.quantity}</span>}
        </span>
        <span className="vrow__sub">
          {wanted
            ? item.quantity > 1
              ? `${eddies(price)} each · ${eddies(price * item.quantity)} for all`
              : (KIND_LABEL[t?.kind ?? ''] ?? '')
            : 'Not interested'}
        </span>
      </span>
      <span className="vrow__price">{wanted ? eddies(price) : '—'}</span>
      <button
        type="button"
        className="btn btn--small btn--magenta vrow__btn"
        data-testid="vendor-sell"
        disabled={busy || !wanted}
        onClick={onSell}
      >
        Sell
      </button>
    </li>
  );
}

const ago = (t: number, now: number) => {
  const m = Math.floor((now - t) / 60_000);
  return m < 1 ? 'just now' : m < 60 ? `${m}m ago` : `${Math.floor(m / 60)}h ago`;
};

export function BuybackRow({
  b,
  now,
  busy,
  affordable,
  onBuy,
}: {
  b: BuybackView;
  now: number;
  busy: boolean;
  affordable: boolean;
  onBuy: () => void;
}) {
  return (
    <li
      className="vrow"
      style={rarityStyle(b.rarity)}
      data-testid="vendor-buyback-item"
      data-item-id={b.itemId}
      data-template={b.templateId}
      data-price={b.price}
    >
      <ItemGlyph templateId={b.templateId} />
      <span className="vrow__main">
        <span className="vrow__name">
          {b.name}
          {b.quantity > 1 && <span className="vrow__qty"> ×{b.quantity}</span>}
        </span>
        <span className="vrow__sub">sold {ago(b.soldAt, now)}</span>
      </span>
      <span className={`vrow__price${affordable ? '' : ' is-short'}`}>{eddies(b.price)}</span>
      <button
        type="button"
        className="btn btn--small vrow__btn"
        data-testid="vendor-buyback"
        disabled={busy}
        onClick={onBuy}
      >
        Buy back
      </button>
    </li>
  );
}
