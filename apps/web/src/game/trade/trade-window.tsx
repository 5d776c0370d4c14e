'use client';
/**
 * The trade window: your offer (up to six stacks from your bag, and eddies) beside
 * theirs; Accept takes the offer as it is now (its version) and is locked for a moment
 * after the other side changes theirs; any change clears both accepts. Closing it
 * cancels the trade. Click a bag item to offer it (or drag it onto your offer, from
 * here or from the inventory), an offered one to take it back.
 */
import { useEffect, useState } from 'react';
import { TRADE_SLOTS, type TradeItemView, type TradeSideView } from '@necp/shared';
import { GameWindow } from '../hud/game-window';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { ItemGlyph } from '../items/item-glyph';
import { rarityColor } from '../items/rarity';
import { itemName, templateOf } from '../items/templates';
import { useInventory } from '../items/use-inventory';
import { useServerNow } from '../time/use-server-now';
import type { DragPayload } from '../items/drag';
import { offerWithDropped, sides } from './trade-state';

function Offer({
  who,
  side,
  testId,
  onItem,
  onDropItem,
}: {
  who: string;
  side: TradeSideView;
  testId: string;
  onItem?: (item: TradeItemView) => void;
  /** a stack dragged here (your own offer only) */
  onDropItem?: (drop: DragPayload) => void;
}) {
  const cells = Array.from({ length: TRADE_SLOTS }, (_, i) => side.items[i]);
  const dragging = useGame((s) => s.drag);
  const setDrag = useGame((s) => s.setDrag);
  const [over, setOver] = useState(false);
  const drops = onDropItem !== undefined && dragging !== null;
  return (
    <div
      className={`trade__side${drops ? ' is-droppable' : ''}${drops && over ? ' is-over' : ''}`}
      data-testid={testId}
      data-accepted={side.accepted}
      onDragOver={(e) => {
        if (!drops) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!dragging || !onDropItem) return;
        setDrag(null);
        onDropItem(dragging);
      }}
    >
      <h3 className="trade__who">
        {who}
        {side.accepted && <span className="trade__ok">✔ accepted</span>}
      </h3>
      <ul className="trade__slots">
        {cells.map((it, i) => (
          <li key={it?.itemId ?? `empty-${i}`} className="trade__slot">
            {it ? (
              <button
                type="button"
                className="trade__item"
                data-testid="trade-item"
                data-template={it.templateId}
                disabled={!onItem}
                title={onItem ? 'Take it back' : itemName(it.templateId)}
                style={{ borderColor: rarityColor(templateOf(it.templateId)?.rarity ?? 'common') }}
                onClick={() => onItem?.(it)}
              >
                <ItemGlyph templateId={it.templateId} size="sm" />
                <span className="trade__name">{itemName(it.templateId)}</span>
                {it.quantity > 1 && <span className="trade__qty">×{it.quantity}</span>}
              </button>
            ) : (
              <span className="trade__empty" />
            )}
          </li>
        ))}
      </ul>
      <p className="trade__eddies" data-testid={`${testId}-eddies`}>
        ¥ {side.eddies.toLocaleString('en-US')}
      </p>
    </div>
  );
}

export function TradeWindow() {
  const { commands } = useGameSession();
  const t = useGame((s) => s.trade.trade);
  const setDrag = useGame((s) => s.setDrag);
  const { model, query } = useInventory();
  const now = useServerNow(250);
  const [eddies, setEddies] = useState('');
  // the bag as it is now when a trade opens (what was looted meanwhile is offerable)
  const tradeId = t?.id;
  const { refetch } = query;
  useEffect(() => {
    if (tradeId) void refetch();
  }, [tradeId, refetch]);
  if (!t) return null;
  const { mine, theirs } = sides(t);
  if (t.state === 'requested')
    return (
      <GameWindow
        title="Trade"
        hotkey="—"
        testId="trade-window"
        onClose={() => void commands.tradeCancel(t.id)}
      >
        <p className="trade__wait" data-testid="trade-waiting">
          Waiting for {theirs.name} to answer…
        </p>
      </GameWindow>
    );
  const offered = new Set(mine.items.map((i) => i.itemId));
  const ids = mine.items.map((i) => i.itemId);
  const bag = model ? [...model.bag.values()].sort((a, b) => a.slot - b.slot) : [];
  const locked = now < t.acceptableAt;
  const offer = (items: string[], e = mine.eddies) => void commands.tradeOffer(t.id, items, e);
  return (
    <GameWindow
      title={`Trade with ${theirs.name}`}
      hotkey="—"
      testId="trade-window"
      className="trade"
      onClose={() => void commands.tradeCancel(t.id)}
    >
      <div className="trade__cols">
        <Offer
          who="You give"
          side={mine}
          testId="trade-mine"
          onItem={(it) => offer(ids.filter((x) => x !== it.itemId))}
          onDropItem={(d) => {
            const next = offerWithDropped(ids, d, TRADE_SLOTS);
            if (next) offer(next);
          }}
        />
        <Offer who={`${theirs.name} gives`} side={theirs} testId="trade-theirs" />
      </div>
      <form
        className="trade__money"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Math.max(0, Math.floor(Number(eddies) || 0));
          offer(ids, n);
        }}
      >
        <label>
          Eddies{' '}
          <input
            className="input input--small"
            inputMode="numeric"
            data-testid="trade-eddies-input"
            value={eddies}
            placeholder={String(mine.eddies)}
            onChange={(e) => setEddies(e.target.value.replace(/[^0-9]/g, ''))}
          />
        </label>
        <button type="submit" className="btn btn--ghost btn--small" data-testid="trade-eddies-set">
          Offer
        </button>
      </form>
      <div className="trade__bag" data-testid="trade-bag">
        {bag
          .filter((i) => !i.bound && !offered.has(i.id))
          .map((i) => (
            <button
              key={i.id}
              type="button"
              className="trade__bagitem"
              data-testid="trade-bag-item"
              data-template={i.templateId}
              disabled={ids.length >= TRADE_SLOTS}
              title={`Offer ${itemName(i.templateId)}`}
              onClick={() => offer([...ids, i.id])}
              draggable={ids.length < TRADE_SLOTS}
              onDragStart={(e) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', i.id);
                setDrag({
                  itemId: i.id,
                  templateId: i.templateId,
                  quantity: i.quantity,
                  from: { container: 'bag', slot: i.slot },
                  split: false,
                });
              }}
              onDragEnd={() => setDrag(null)}
            >
              <ItemGlyph templateId={i.templateId} size="sm" />
              {i.quantity > 1 && <span className="trade__qty">×{i.quantity}</span>}
            </button>
          ))}
      </div>
      <div className="trade__actions">
        <button
          type="button"
          className="btn"
          data-testid="trade-accept"
          data-version={t.version}
          disabled={mine.accepted || locked}
          onClick={() => void commands.tradeAccept(t.id, t.version)}
        >
          {mine.accepted
            ? 'Accepted'
            : locked
              ? `Accept (${Math.ceil((t.acceptableAt - now) / 1000)} s)`
              : 'Accept'}
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          data-testid="trade-cancel"
          onClick={() => void commands.tradeCancel(t.id)}
        >
          Cancel
        </button>
      </div>
    </GameWindow>
  );
}
