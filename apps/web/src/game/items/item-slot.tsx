'use client';
/**
 * One cell of a grid (bag, bank) or the paper doll: shows the item and takes part
 * in drag and drop. Everything it does is reported to the parent through
 * callbacks; the parent turns them into intents.
 */
import {
  useState,
  type CSSProperties,
  type DragEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { DragPayload, ItemLocation } from './drag';
import { ItemGlyph } from './item-glyph';
import { rarityColor } from './rarity';
import { templateOf } from './templates';
import { isBroken, type InvItem } from './view-model';
import { useGame } from '../hud/store-context';

export interface SlotHandlers {
  onDropPayload: (to: ItemLocation) => void;
  onDragStartItem: (p: DragPayload) => void;
  onDragEndItem: () => void;
  onHover: (item: InvItem, at: ItemLocation, el: HTMLElement) => void;
  onLeave: () => void;
  onContext: (item: InvItem, at: ItemLocation, x: number, y: number) => void;
  onActivate: (item: InvItem, at: ItemLocation) => void;
  /** a plain click: the actions menu */
  onClickItem: (item: InvItem, at: ItemLocation, x: number, y: number) => void;
  /** may the dragged payload be dropped here (highlight) */
  accepts: (at: ItemLocation) => boolean;
}

interface Props {
  at: ItemLocation;
  item: InvItem | undefined;
  handlers: SlotHandlers;
  testId: string;
  /** extra data-* for tests */
  data?: Record<string, string | number | undefined>;
  /** shown in an empty cell (equipment slot name) */
  placeholder?: ReactNode;
  className?: string;
  dragging: boolean;
}

export function ItemSlot({
  at,
  item,
  handlers,
  testId,
  data,
  placeholder,
  className,
  dragging,
}: Props) {
  const [over, setOver] = useState(false);
  const linkItemInChat = useGame((s) => s.linkItemInChat);
  const t = item ? templateOf(item.templateId) : undefined;
  const broken = item ? isBroken(item) : false;
  const max = t?.maxDurability;
  const dur = item && max && item.durability !== null ? item.durability / max : null;
  const accepts = dragging && handlers.accepts(at);

  const onDragStart = (e: DragEvent) => {
    if (!item) return;
    e.dataTransfer.effectAllowed = 'move';
    // Firefox needs data set for a drag to start at all
    e.dataTransfer.setData('text/plain', item.id);
    handlers.onDragStartItem({
      itemId: item.id,
      templateId: item.templateId,
      quantity: item.quantity,
      from: at,
      split: e.shiftKey,
    });
  };
  const onDragOver = (e: DragEvent) => {
    // not calling preventDefault refuses the drop (the cursor says so)
    if (!accepts) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    handlers.onDropPayload(at);
  };
  const onContextMenu = (e: MouseEvent) => {
    e.preventDefault();
    if (item) handlers.onContext(item, at, e.clientX, e.clientY);
  };

  const style = { '--rarity': rarityColor(t?.rarity) } as CSSProperties;
  const cls = [
    'slot',
    className,
    item ? 'slot--filled' : 'slot--empty',
    broken ? 'slot--broken' : '',
    over && accepts ? 'slot--over' : '',
    accepts ? 'slot--accepts' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const dataAttrs = Object.fromEntries(
    Object.entries(data ?? {}).map(([k, v]) => [
      `data-${k}`,
      v === undefined ? undefined : String(v),
    ]),
  );
  return (
    <div
      className={cls}
      style={style}
      data-testid={testId}
      data-template={item?.templateId ?? ''}
      data-quantity={item?.quantity ?? 0}
      data-item-id={item?.id ?? ''}
      data-broken={broken || undefined}
      {...dataAttrs}
      draggable={!!item}
      onDragStart={onDragStart}
      onDragEnd={() => {
        setOver(false);
        handlers.onDragEndItem();
      }}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onMouseEnter={(e) => item && handlers.onHover(item, at, e.currentTarget)}
      onMouseLeave={handlers.onLeave}
      onContextMenu={onContextMenu}
      onClick={(e) => {
        if (!item) return;
        // shift-click: link the item in the chat ([Name] in the input)
        if (e.shiftKey) linkItemInChat(item.id, t?.name ?? item.templateId);
        else handlers.onClickItem(item, at, e.clientX, e.clientY);
      }}
      onDoubleClick={() => item && handlers.onActivate(item, at)}
      role="gridcell"
      aria-label={
        item
          ? `${t?.name ?? item.templateId}${item.quantity > 1 ? ` ×${item.quantity}` : ''}`
          : 'Empty'
      }
    >
      {item ? (
        <>
          <ItemGlyph templateId={item.templateId} />
          {item.quantity > 1 && <span className="slot__qty">{item.quantity}</span>}
          {dur !== null && (
            <span className="slot__dur" aria-hidden>
              <span
                className="slot__dur-fill"
                style={{
                  width: `${Math.max(0, Math.min(1, dur)) * 100}%`,
                  background:
                    dur > 0.5 ? 'var(--green)' : dur > 0.2 ? 'var(--yellow)' : 'var(--red)',
                }}
              />
            </span>
          )}
          {broken && <span className="slot__broken">broken</span>}
        </>
      ) : (
        placeholder && <span className="slot__placeholder">{placeholder}</span>
      )}
    </div>
  );
}
