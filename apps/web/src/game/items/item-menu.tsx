'use client';
/**
 * The actions of one item (click on it): use (consumables, quest items), equip/
 * unequip, split, bank, repair with its price, drop on the street, destroy (with
 * confirmation). Closes on any outside click or Esc.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { repairCost, salvageTableFor } from '@necp/shared';
import { useCraftingActions } from '../crafting/use-crafting';
import type { ItemLocation } from './drag';
import { rarityColor } from './rarity';
import { templateOf } from './templates';
import { isUsable, useItemActions } from './use-item-actions';
import type { InvItem } from './view-model';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { equipTarget } from './use-slot-handlers';

interface Entry {
  id: string;
  label: string;
  hint?: string;
  danger?: boolean;
  disabled?: boolean;
  act: () => void;
}

interface Props {
  item: InvItem;
  at: ItemLocation;
  x: number;
  y: number;
  worn: Parameters<typeof equipTarget>[1];
  bankOpen: boolean;
  eddies: number;
}

export function ItemMenu({ item, at, x, y, worn, bankOpen, eddies }: Props) {
  const close = useGame((s) => s.setContextMenu);
  const setDialog = useGame((s) => s.setDialog);
  const { run, exec } = useItemActions();
  const { commands } = useGameSession();
  const crafting = useCraftingActions();
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });
  const t = templateOf(item.templateId);
  const name = t?.name ?? item.templateId;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPos({
      left: Math.min(x, window.innerWidth - el.offsetWidth - 8),
      top: Math.min(y, window.innerHeight - el.offsetHeight - 8),
    });
  }, [x, y]);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close(null);
    };
    // next tick: the click that opened the menu must not close it
    const id = setTimeout(() => window.addEventListener('mousedown', onDown));
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    return () => {
      clearTimeout(id);
      window.removeEventListener('mousedown', onDown);
    };
  }, [close]);

  const entries: Entry[] = [];
  const quantityThen = (title: string, label: string, max: number, then: (n: number) => void) =>
    setDialog({
      kind: 'quantity',
      title,
      min: 1,
      max,
      initial: max,
      confirmLabel: label,
      onConfirm: then,
    });

  if (at.container === 'bank') {
    entries.push({
      id: 'withdraw',
      label: 'Withdraw',
      act: () => run({ kind: 'withdraw', itemId: item.id }),
    });
  } else {
    if (at.container === 'bag' && isUsable(item.templateId)) {
      const heal = t?.effect?.heal ?? 0;
      entries.push({
        id: 'use',
        label: 'Use',
        hint: heal > 0 ? `+${heal} HP` : undefined,
        act: () => void commands.useItem(item.id),
      });
    }
    if (at.container === 'equipment')
      entries.push({
        id: 'unequip',
        label: 'Unequip',
        act: () => run({ kind: 'unequip', itemId: item.id }),
      });
    else if (t?.slot)
      entries.push({
        id: 'equip',
        label: 'Equip',
        act: () =>
          run({ kind: 'equip', itemId: item.id, slot: equipTarget(item.templateId, worn) }),
      });
    if (at.container === 'bag' && item.quantity > 1)
      entries.push({
        id: 'split',
        label: 'Split stack…',
        act: () =>
          setDialog({
            kind: 'quantity',
            title: 'split stack',
            message: `How many ${name} go into the new stack?`,
            min: 1,
            max: item.quantity - 1,
            initial: Math.floor(item.quantity / 2),
            confirmLabel: 'Split',
            onConfirm: (quantity) => exec({ kind: 'split', itemId: item.id, quantity }),
          }),
      });
    if (at.container === 'bag' && bankOpen)
      entries.push({
        id: 'deposit',
        label: 'Deposit in bank',
        disabled: item.bound,
        hint: item.bound ? 'bound' : undefined,
        act: () => run({ kind: 'deposit', itemId: item.id }),
      });
    const cost = t ? repairCost(t, item.durability) : 0;
    if (cost > 0)
      entries.push({
        id: 'repair',
        label: 'Repair',
        hint: `¥ ${cost}`,
        disabled: eddies < cost,
        act: () => exec({ kind: 'repair', itemId: item.id, templateId: item.templateId, cost }),
      });
    if (at.container === 'bag' && t && salvageTableFor(t))
      entries.push({
        id: 'salvage',
        label: 'Salvage…',
        act: () =>
          setDialog({
            kind: 'confirm',
            title: 'salvage',
            message: `Break ${name} down into materials? The item is gone; what it yields goes to your bag.`,
            confirmLabel: 'Salvage',
            onConfirm: () => crafting.salvage.mutate(item.id),
          }),
      });
    entries.push({
      id: 'drop',
      label: item.quantity > 1 ? 'Drop on the street…' : 'Drop on the street',
      act: () =>
        item.quantity > 1
          ? quantityThen(
              'drop on the street',
              'Drop',
              item.quantity,
              (n) => void commands.dropToGround(item.id, n),
            )
          : void commands.dropToGround(item.id),
    });
    entries.push({
      id: 'destroy',
      label: 'Destroy…',
      danger: true,
      act: () =>
        setDialog({
          kind: 'confirm',
          title: 'destroy item',
          message: `Destroy ${item.quantity > 1 ? `${item.quantity} × ` : ''}${name}? It is gone for good — no refund.`,
          confirmLabel: 'Destroy',
          danger: true,
          onConfirm: () => exec({ kind: 'destroy', itemId: item.id, templateId: item.templateId }),
        }),
    });
  }

  return (
    <div
      ref={ref}
      className="ctxmenu"
      role="menu"
      data-testid="item-menu"
      style={{ left: pos.left, top: pos.top, '--rarity': rarityColor(t?.rarity) } as CSSProperties}
      onContextMenu={(e) => e.preventDefault()}
    >
      <p className="ctxmenu__title">{name}</p>
      {entries.map((e) => (
        <button
          key={e.id}
          type="button"
          role="menuitem"
          className={`ctxmenu__item${e.danger ? ' ctxmenu__item--danger' : ''}`}
          data-action={e.id}
          disabled={e.disabled}
          onClick={() => {
            close(null);
            e.act();
          }}
        >
          <span>{e.label}</span>
          {e.hint && <span className="ctxmenu__hint">{e.hint}</span>}
        </button>
      ))}
    </div>
  );
}
