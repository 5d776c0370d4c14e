'use client';
/**
 * The floating layer of the item windows: the hovered item's tooltip and an
 * item's actions menu. Looks the item up in whatever the windows show.
 */
import { useGame } from '../hud/store-context';
import { useBank, useInventory } from './use-inventory';
import { ItemTooltip } from './item-tooltip';
import type { ItemLocation } from './drag';
import type { InvItem } from './view-model';
import { ItemMenu } from './item-menu';
import { useWearer } from './use-wearer';

export function ItemOverlays() {
  const tooltip = useGame((s) => s.tooltip);
  const menu = useGame((s) => s.contextMenu);
  const bankOpen = useGame((s) => s.panels.bank);
  const { model: inv } = useInventory();
  const { model: bank } = useBank(bankOpen);
  const wearer = useWearer();

  const find = (at: ItemLocation, id: string): InvItem | undefined => {
    if (at.container === 'bank') return bank?.items.get(at.slot);
    if (at.container === 'equipment') return inv?.equipment[at.slot];
    const i = inv?.bag.get(at.slot);
    return i?.id === id ? i : [...(inv?.bag.values() ?? [])].find((x) => x.id === id);
  };

  const tipItem = tooltip && find(tooltip.at, tooltip.itemId);
  const menuItem = menu && find(menu.at, menu.itemId);
  return (
    <>
      {tooltip && tipItem && inv && (
        <ItemTooltip
          item={tipItem}
          worn={tooltip.at.container === 'equipment'}
          equipment={inv.equipment}
          wearer={wearer}
          rect={tooltip.rect}
        />
      )}
      {menu && menuItem && inv && (
        <ItemMenu
          key={menu.itemId}
          item={menuItem}
          at={menu.at}
          x={menu.x}
          y={menu.y}
          worn={inv.equipment}
          bankOpen={bankOpen}
          eddies={inv.eddies}
        />
      )}
    </>
  );
}
