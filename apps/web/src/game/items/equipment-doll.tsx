'use client';
/**
 * The paper doll: every equipment slot around a silhouette. Slots light up while
 * a fitting item is dragged.
 */
import { EQUIPMENT_SLOTS, type EquipmentSlot } from '@necp/shared';
import { ItemSlot, type SlotHandlers } from './item-slot';
import { SLOT_LABEL } from './templates';
import type { InvItem } from './view-model';

/** grid positions (column, row) on a 3 × 4 doll */
const PLACE: Record<EquipmentSlot, [number, number]> = {
  cyber_1: [1, 1],
  head: [2, 1],
  cyber_2: [3, 1],
  main_hand: [1, 2],
  body: [2, 2],
  off_hand: [3, 2],
  hands: [1, 3],
  legs: [2, 3],
  feet: [2, 4],
};

const ICON: Record<EquipmentSlot, string> = {
  head: '◠',
  body: '▣',
  legs: '∥',
  feet: '▁▁',
  hands: '✋',
  main_hand: '⌐',
  off_hand: '◖',
  cyber_1: '⌬',
  cyber_2: '⌬',
};

interface Props {
  worn: Partial<Record<EquipmentSlot, InvItem>>;
  handlers: SlotHandlers;
  dragging: boolean;
}

export function EquipmentDoll({ worn, handlers, dragging }: Props) {
  return (
    <div className="doll" role="grid" aria-label="Equipment">
      <svg className="doll__figure" viewBox="0 0 100 200" aria-hidden>
        <circle cx="50" cy="24" r="15" />
        <path d="M30 46 h40 l10 60 h-12 l-4 -36 v44 h-28 v-44 l-4 36 h-12 z" />
        <path d="M36 116 h12 l-2 76 h-12 z M52 116 h12 l2 76 h-12 z" />
      </svg>
      {EQUIPMENT_SLOTS.map((slot) => {
        const [col, row] = PLACE[slot];
        return (
          <div key={slot} className="doll__cell" style={{ gridColumn: col, gridRow: row }}>
            <ItemSlot
              at={{ container: 'equipment', slot }}
              item={worn[slot]}
              handlers={handlers}
              dragging={dragging}
              testId="equip-slot"
              className="slot--equip"
              data={{ slot }}
              placeholder={<span className="slot__icon">{ICON[slot]}</span>}
            />
            <span className="doll__label">{SLOT_LABEL[slot]}</span>
          </div>
        );
      })}
    </div>
  );
}
