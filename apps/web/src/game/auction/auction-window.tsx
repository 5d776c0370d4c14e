'use client';
/**
 * The Reef Exchange (X / E / click an auction terminal): Browse, Sell, My auctions,
 * Season lots (the seasonal sealed lots) — the auction house — and Market, My orders
 * (the commodity market's order books: game/market).
 * It opens beside an auction terminal and closes when you walk away (listing, bidding
 * and buying happen there; the server checks again). What you win, and what you sell,
 * comes by mail.
 */
import { useState } from 'react';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { AuctionBrowse } from './auction-browse';
import { AuctionLots } from './auction-lots';
import { AuctionMine } from './auction-mine';
import { AuctionSell } from './auction-sell';
import { MarketOrders } from '../market/market-orders';
import { MarketTab } from '../market/market-tab';

type Tab = 'browse' | 'sell' | 'mine' | 'lots' | 'market' | 'orders';
const TABS: { id: Tab; label: string }[] = [
  { id: 'browse', label: 'Browse' },
  { id: 'sell', label: 'Sell' },
  { id: 'mine', label: 'My auctions' },
  { id: 'lots', label: 'Season lots' },
  { id: 'market', label: 'Market' },
  { id: 'orders', label: 'My orders' },
];

export function AuctionWindow() {
  const open = useGame((s) => s.panels.auction);
  const setPanel = useGame((s) => s.setPanel);
  const terminal = useGame((s) => s.auctionNear);
  const [tab, setTab] = useState<Tab>('browse');
  if (!open) return null;
  return (
    <GameWindow
      title="reef exchange"
      hotkey={windowFace('auction')}
      testId="auction-window"
      className="gwin--auction"
      onClose={() => setPanel('auction', false)}
      extra={terminal && <span className="gwin__sub">{terminal.name}</span>}
    >
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`tabs__tab${tab === t.id ? ' is-on' : ''}`}
            data-testid={`auction-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'browse' && <AuctionBrowse />}
      {tab === 'sell' && <AuctionSell />}
      {tab === 'mine' && <AuctionMine />}
      {tab === 'lots' && <AuctionLots />}
      {tab === 'market' && <MarketTab />}
      {tab === 'orders' && <MarketOrders />}
    </GameWindow>
  );
}
