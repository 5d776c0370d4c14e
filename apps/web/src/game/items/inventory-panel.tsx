'use client';
/**
 * Inventory window (I): paper doll, bag grid, weight and eddies. Every change is
 * an intent to the server; the panel only shows what the server last said.
 */
import { useInventory } from './use-inventory';
import { refusal } from '@/trpc/errors';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { EquipmentDoll } from './equipment-doll';
import { SlotGrid } from './slot-grid';
import { useSlotHandlers } from './use-slot-handlers';
import { WeightBar } from './weight-bar';
import type { EquipmentSlot } from '@necp/shared';
import type { InvItem } from './view-model';

const NONE: Partial<Record<EquipmentSlot, InvItem>> = {};

export function InventoryPanel() {
  const open = useGame((s) => s.panels.inventory);
  const setPanel = useGame((s) => s.setPanel);
  if (!open) return null;
  return (
    <GameWindow
      title="inventory"
      hotkey={windowFace('inventory')}
      testId="inventory-panel"
      className="gwin--inventory"
      onClose={() => setPanel('inventory', false)}
    >
      <InventoryBody />
    </GameWindow>
  );
}

function InventoryBody() {
  const { query, model } = useInventory();
  const dragging = useGame((s) => s.drag !== null);
  const handlers = useSlotHandlers(model?.equipment ?? NONE);

  if (!model) {
    return query.isError ? (
      <p className="gwin__msg form-error">
        {refusal(query.error)}{' '}
        <button type="button" className="btn btn--small" onClick={() => void query.refetch()}>
          Retry
        </button>
      </p>
    ) : (
      <p className="gwin__msg muted">Syncing inventory…</p>
    );
  }
  const used = model.bag.size;
  return (
    <>
      <div className="inv">
        <EquipmentDoll worn={model.equipment} handlers={handlers} dragging={dragging} />
        <div className="inv__bag">
          <p className="inv__caption">
            <span>Bag</span>
            <span className="muted" data-testid="bag-used">
              {used} / {model.bagSlots}
            </span>
          </p>
          <SlotGrid
            container="bag"
            slots={model.bagSlots}
            items={model.bag}
            handlers={handlers}
            dragging={dragging}
            testId="bag-slot"
            label="Bag"
          />
        </div>
      </div>
      <footer className="inv__foot">
        <WeightBar weight={model.weight} carry={model.carryWeight} testId="inventory-weight" />
        <span className="eddies" data-testid="inventory-eddies" data-value={model.eddies}>
          <span className="eddies__sign">¥</span>
          {model.eddies.toLocaleString('en-US')}
        </span>
      </footer>
      <p className="gwin__hint">
        drag to move · <kbd>Shift</kbd>+drag split · right-click / double-click equip or use · click
        for actions · drag onto the street to drop
      </p>
    </>
  );
}
