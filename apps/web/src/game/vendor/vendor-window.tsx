'use client';
/**
 * The vendor window (from the conversation or a click on a vendor): Buy, Sell
 * and Buy back tabs, prices with the standing discount, limited stock counts,
 * eddies. Opening it opens the bag too — drag a bag item onto the window to sell
 * it. The server is the judge of range: its refusal closes the window.
 */
import { useEffect, useState, type DragEvent } from 'react';
import type { VendorStockView, VendorView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { itemName, templateOf } from '../items/templates';
import { useInventory } from '../items/use-inventory';
import type { InvItem } from '../items/view-model';
import type { Dialog } from '../items/item-ui-slice';
import { countdown, priceNote, TIER_LABEL } from '../quests/format';
import { useVendor } from '../quests/use-quests';
import { useServerNow } from '../time/use-server-now';
import { GameWindow } from '../hud/game-window';
import { keyFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { useVendorTrade, type Trade } from './use-vendor-trade';
import { BuybackRow, SellRow, StockRow } from './vendor-rows';

type Tab = 'buy' | 'sell' | 'buyback';

export function VendorWindow() {
  const contactId = useGame((s) => s.vendorContactId);
  const close = useGame((s) => s.closeVendor);
  const setPanel = useGame((s) => s.setPanel);
  useEffect(() => {
    if (contactId) setPanel('inventory', true);
  }, [contactId, setPanel]);
  if (!contactId) return null;
  return <VendorFrame key={contactId} contactId={contactId} onClose={close} />;
}

function VendorFrame({ contactId, onClose }: { contactId: string; onClose: () => void }) {
  const q = useVendor(contactId);
  const toast = useGame((s) => s.toast);
  const drag = useGame((s) => s.drag);
  const setDrag = useGame((s) => s.setDrag);
  const setDialog = useGame((s) => s.setDialog);
  const trade = useVendorTrade(contactId);
  const [tab, setTab] = useState<Tab>('buy');
  const [over, setOver] = useState(false);
  const { model: inv } = useInventory();

  // away from the vendor (or hostile) the server refuses: say why and close
  useEffect(() => {
    if (!q.isError) return;
    toast('warn', refusal(q.error));
    onClose();
  }, [q.isError, q.error, toast, onClose]);

  const v = q.data;
  const sellDragged = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const p = drag;
    setDrag(null);
    if (!p || !v) return;
    if (p.from.container !== 'bag') {
      toast('info', 'Only items in your bag can be sold.');
      return;
    }
    const item = inv && [...inv.bag.values()].find((i) => i.id === p.itemId);
    if (!item) return;
    if (v.sellPrices[item.id] === undefined) {
      toast('info', `${v.vendor.contactName} does not buy ${itemName(item.templateId)}.`);
      return;
    }
    setTab('sell');
    askSell(item, v.sellPrices[item.id]!, (t) => trade.mutate(t), setDialog);
  };

  return (
    <GameWindow
      title="trade"
      hotkey={keyFace('escape')}
      testId="vendor-window"
      className={`gwin--vendor${over ? ' is-drop' : ''}`}
      onClose={onClose}
      extra={v && <span className="gwin__sub">{v.vendor.name}</span>}
    >
      <div
        className="vendor"
        data-contact-id={contactId}
        onDragOver={(e) => {
          if (!drag) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={sellDragged}
      >
        {!v ? (
          <p className="gwin__msg muted">Haggling…</p>
        ) : (
          <VendorBody
            v={v}
            tab={tab}
            setTab={setTab}
            bag={inv?.bag}
            trade={trade.mutate}
            busy={trade.isPending}
          />
        )}
      </div>
    </GameWindow>
  );
}

type SetDialog = (d: Dialog | null) => void;

/** Sells a stack: a single item at once; for a stack, asks how many (all by default). */
function askSell(item: InvItem, price: number, run: (t: Trade) => void, setDialog: SetDialog) {
  const sell = (quantity: number) =>
    run({ kind: 'sell', itemId: item.id, templateId: item.templateId, quantity });
  if (item.quantity <= 1) return sell(item.quantity);
  setDialog({
    kind: 'quantity',
    title: `sell ${itemName(item.templateId)}`,
    message: `¥${price} each.`,
    min: 1,
    max: item.quantity,
    initial: item.quantity,
    confirmLabel: 'Sell',
    onConfirm: sell,
  });
}

function VendorBody({
  v,
  tab,
  setTab,
  bag,
  trade,
  busy,
}: {
  v: VendorView;
  tab: Tab;
  setTab: (t: Tab) => void;
  bag: Map<number, InvItem> | undefined;
  trade: (t: Trade) => void;
  busy: boolean;
}) {
  const setDialog = useGame((s) => s.setDialog);
  const now = useServerNow(1000);
  const limited = v.stock.some((s) => s.dailyLimit !== null);
  const sellable = bag ? [...bag.values()].sort((a, b) => a.slot - b.slot) : [];
  return (
    <>
      <header className="vendor__head">
        <div className="vendor__who">
          <p className="vendor__name">{v.vendor.contactName}</p>
          <p className="vendor__faction">
            {v.faction.name}{' '}
            <span className={`tier tier--${v.faction.tier}`}>{TIER_LABEL[v.faction.tier]}</span>
          </p>
        </div>
        <span
          className={`vendor__deal${v.faction.multiplier < 1 ? ' is-good' : v.faction.multiplier > 1 ? ' is-bad' : ''}`}
          data-testid="vendor-price-note"
          data-multiplier={v.faction.multiplier}
        >
          {priceNote(v.faction.multiplier, v.faction.tier)}
        </span>
        <span className="eddies" data-testid="vendor-eddies" data-value={v.eddies}>
          <span className="eddies__sign">¥</span>
          {v.eddies.toLocaleString('en-US')}
        </span>
      </header>
      <div className="tabs tabs--vendor" role="tablist">
        {(
          [
            ['buy', 'Buy', v.stock.length],
            ['sell', 'Sell', null],
            ['buyback', 'Buy back', v.buyback.length],
          ] as const
        ).map(([id, label, n]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`tabs__tab${tab === id ? ' is-on' : ''}`}
            data-testid={`vendor-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
            {n !== null && n > 0 && <span className="tabs__n">{n}</span>}
          </button>
        ))}
      </div>

      {tab === 'buy' && (
        <ul className="vlist" data-testid="vendor-stock-list">
          {v.stock.map((s) => (
            <StockRow
              key={s.templateId}
              s={s}
              multiplier={v.faction.multiplier}
              eddies={v.eddies}
              busy={busy}
              onBuy={() => askBuy(s, v.eddies, trade, setDialog)}
            />
          ))}
          {v.stock.length === 0 && (
            <li className="vlist__empty">Nothing for sale to you right now.</li>
          )}
        </ul>
      )}
      {tab === 'buy' && limited && (
        <p className="vendor__restock">
          Limited stock restocks in <b>{countdown(v.restocksAt, now)}</b>
        </p>
      )}

      {tab === 'sell' && (
        <ul className="vlist" data-testid="vendor-sell-list">
          {sellable.map((i) => {
            const price = v.sellPrices[i.id];
            return (
              <SellRow
                key={i.id}
                item={i}
                price={price}
                busy={busy}
                onSell={() => price !== undefined && askSell(i, price, trade, setDialog)}
              />
            );
          })}
          {sellable.length === 0 && <li className="vlist__empty">Your bag is empty.</li>}
        </ul>
      )}

      {tab === 'buyback' && (
        <ul className="vlist" data-testid="vendor-buyback-list">
          {v.buyback.map((b) => (
            <BuybackRow
              key={b.itemId}
              b={b}
              now={now}
              busy={busy}
              affordable={v.eddies >= b.price}
              onBuy={() =>
                trade({
                  kind: 'buyback',
                  itemId: b.itemId,
                  templateId: b.templateId,
                  quantity: b.quantity,
                })
              }
            />
          ))}
          {v.buyback.length === 0 && (
            <li className="vlist__empty">
              Nothing sold yet. The last 10 things you sell can be bought back here.
            </li>
          )}
        </ul>
      )}
      <p className="gwin__hint">
        {tab === 'sell'
          ? 'drag an item from your bag onto this window to sell it'
          : 'prices follow your standing with their faction · stackables ask how many'}
      </p>
    </>
  );
}

function askBuy(s: VendorStockView, purse: number, run: (t: Trade) => void, setDialog: SetDialog) {
  const buy = (quantity: number) =>
    run({ kind: 'buy', templateId: s.templateId, quantity, expectedPrice: s.price });
  const stack = templateOf(s.templateId)?.stackSize ?? 1;
  const affordable = s.price > 0 ? Math.floor(purse / s.price) : 99;
  const max = Math.min(99, stack, s.left ?? 99, Math.max(1, affordable));
  if (max <= 1) return buy(1);
  setDialog({
    kind: 'quantity',
    title: `buy ${s.name}`,
    message: `¥${s.price} each.`,
    min: 1,
    max,
    initial: 1,
    confirmLabel: 'Buy',
    onConfirm: buy,
  });
}
