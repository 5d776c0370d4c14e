'use client';
/** A grid of container slots (the bag or the bank). */
import type { ItemLocation } from './drag';
import { ItemSlot, type SlotHandlers } from './item-slot';
import type { InvItem } from './view-model';

interface Props {
  container: 'bag' | 'bank';
  slots: number;
  items: Map<number, InvItem>;
  handlers: SlotHandlers;
  dragging: boolean;
  testId: string;
  label: string;
}

export function SlotGrid({ container, slots, items, handlers, dragging, testId, label }: Props) {
  return (
    <div className={`slotgrid slotgrid--${container}`} role="grid" aria-label={label}>
      {Array.from({ length: slots }, (_, slot) => {
        const at: ItemLocation = { container, slot };
        return (
          <ItemSlot
            key={slot}
            at={at}
            item={items.get(slot)}
            handlers={handlers}
            dragging={dragging}
            testId={testId}
            data={{ slot }}
          />
        );
      })}
    </div>
  );
}
