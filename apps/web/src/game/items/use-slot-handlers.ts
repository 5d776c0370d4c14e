'use client';
/**
 * Mouse and drag behaviour shared by the bag, the paper doll and the bank:
 * drag → intent, hover → tooltip, click → actions menu, right-/double-click →
 * the quick action (equip / unequip / withdraw / use a consumable).
 */
import { useContext, useMemo } from 'react';
import { equipmentSlotsFor, type EquipmentSlot } from '@necp/shared';
import { resolveDrop, type ItemLocation } from './drag';
import type { SlotHandlers } from './item-slot';
import { templateOf } from './templates';
import { isUsable, useItemActions } from './use-item-actions';
import { useGameSession } from '../hud/game-session';
import type { InvItem } from './view-model';
import { GameStoreContext } from '../hud/store-context';

/** Can a dragged template go to this place? Only equipment slots are picky. */
export function fitsSlot(templateId: string, at: ItemLocation): boolean {
  if (at.container !== 'equipment') return true;
  const slot = templateOf(templateId)?.slot;
  return !!slot && equipmentSlotsFor(slot).includes(at.slot);
}

/** Where equipping this template goes: cyberware takes the first free cyber slot. */
export function equipTarget(
  templateId: string,
  worn: Partial<Record<EquipmentSlot, InvItem>>,
): EquipmentSlot | undefined {
  const slot = templateOf(templateId)?.slot;
  if (!slot) return undefined;
  const slots = equipmentSlotsFor(slot);
  return slots.find((x) => !worn[x]) ?? slots[0];
}

export type QuickAction = (item: InvItem, at: ItemLocation) => void;

export function useSlotHandlers(
  worn: Partial<Record<EquipmentSlot, InvItem>>,
): SlotHandlers & { quick: QuickAction } {
  const store = useContext(GameStoreContext);
  if (!store) throw new Error('useSlotHandlers must be used inside <GameView>');
  const { run } = useItemActions();
  const { commands } = useGameSession();

  return useMemo(() => {
    const s = () => store.getState();
    const openMenu = (item: InvItem, at: ItemLocation, x: number, y: number) =>
      s().setContextMenu({ itemId: item.id, at, x, y });
    const quick: QuickAction = (item, at) => {
      s().setContextMenu(null);
      s().setTooltip(null);
      if (at.container === 'equipment') return run({ kind: 'unequip', itemId: item.id });
      if (at.container === 'bank') return run({ kind: 'withdraw', itemId: item.id });
      const slot = equipTarget(item.templateId, worn);
      if (slot) return run({ kind: 'equip', itemId: item.id, slot });
      // a stim is drunk on the spot; quest items keep the menu (using one may spend it)
      if (templateOf(item.templateId)?.kind === 'consumable' && isUsable(item.templateId))
        return void commands.useItem(item.id);
      // nothing quick to do with a stim or scrap: show its actions instead
      const r = document.querySelector(`[data-item-id="${item.id}"]`)?.getBoundingClientRect();
      openMenu(item, at, r?.right ?? 200, r?.top ?? 200);
    };
    return {
      quick,
      onDragStartItem: (p) => s().setDrag(p),
      onDragEndItem: () => s().setDrag(null),
      onDropPayload: (to) => {
        const p = s().drag;
        s().setDrag(null);
        if (!p) return;
        const intent = resolveDrop(p, to);
        if (intent) run(intent);
      },
      onHover: (item, at, el) => {
        if (s().drag || s().contextMenu) return;
        const r = el.getBoundingClientRect();
        s().setTooltip({
          itemId: item.id,
          at,
          rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        });
      },
      onLeave: () => s().setTooltip(null),
      onContext: (item, at) => quick(item, at),
      onActivate: (item, at) => quick(item, at),
      onClickItem: openMenu,
      accepts: (at) => {
        const p = s().drag;
        return !!p && fitsSlot(p.templateId, at);
      },
    };
  }, [store, run, worn, commands]);
}
