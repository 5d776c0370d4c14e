'use client';
/**
 * An item cell of the mailbox (an attachment, a bag stack to attach) and its hover
 * card. Mail items are not in the bag or the bank, so the window keeps its own
 * tooltip instead of the store's (which looks items up in those).
 */
import { useState, type CSSProperties, type ReactNode } from 'react';
import { ItemGlyph } from '../items/item-glyph';
import { ItemTooltip } from '../items/item-tooltip';
import { rarityColor } from '../items/rarity';
import { itemName, templateOf } from '../items/templates';
import { useInventory } from '../items/use-inventory';
import type { InvItem } from '../items/view-model';
import { useWearer } from '../items/use-wearer';

export interface MailTip {
  item: InvItem;
  rect: { left: number; top: number; right: number; bottom: number };
}

/** Hover state for one window's slots: `bind(item)` goes on each slot. */
export function useMailTip() {
  const [tip, setTip] = useState<MailTip | null>(null);
  const bind = (item: InvItem) => ({
    onMouseEnter: (e: { currentTarget: HTMLElement }) => {
      const r = e.currentTarget.getBoundingClientRect();
      setTip({ item, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } });
    },
    onMouseLeave: () => setTip(null),
  });
  return { tip, bind, clear: () => setTip(null) };
}

export function MailTooltip({ tip }: { tip: MailTip | null }) {
  const { model: inv } = useInventory();
  const wearer = useWearer();
  if (!tip || !inv) return null;
  return (
    <ItemTooltip
      item={tip.item}
      worn={false}
      equipment={inv.equipment}
      wearer={wearer}
      rect={tip.rect}
    />
  );
}

/** An attachment as the item code shows items. */
export const mailItem = (a: {
  itemId: string;
  templateId: string;
  quantity: number;
  durability: number | null;
}): InvItem => ({ ...a, id: a.itemId, slot: 0, bound: false });

interface Props {
  item: InvItem;
  testId: string;
  /** what a click does (the title says it) */
  onClick?: () => void;
  title?: string;
  disabled?: boolean;
  /** marked (an attached bag stack) */
  picked?: boolean;
  /** how many of the stack (when not all of it) */
  count?: number;
  hover: { onMouseEnter: (e: { currentTarget: HTMLElement }) => void; onMouseLeave: () => void };
  children?: ReactNode;
}

export function MailSlot({
  item,
  testId,
  onClick,
  title,
  disabled,
  picked,
  count,
  hover,
  children,
}: Props) {
  const t = templateOf(item.templateId);
  const shown = count ?? item.quantity;
  return (
    <button
      type="button"
      className={`slot slot--filled mslot${picked ? ' is-picked' : ''}`}
      style={{ '--rarity': rarityColor(t?.rarity) } as CSSProperties}
      data-testid={testId}
      data-item-id={item.id}
      data-template={item.templateId}
      data-quantity={shown}
      aria-label={`${itemName(item.templateId)}${shown > 1 ? ` ×${shown}` : ''}${title ? ` — ${title}` : ''}`}
      aria-pressed={picked}
      disabled={disabled}
      onClick={onClick}
      {...hover}
    >
      <ItemGlyph templateId={item.templateId} />
      {shown > 1 && (
        <span className="slot__qty">
          {count !== undefined && count < item.quantity ? `${count}/${item.quantity}` : shown}
        </span>
      )}
      {children}
    </button>
  );
}
