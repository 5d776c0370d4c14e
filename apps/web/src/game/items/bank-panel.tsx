'use client';
/**
 * Bank window (B / E / click the terminal): the account's bank slots. Opens only
 * beside a terminal (the server checks again and its refusal closes the window);
 * opening it also opens the bag, since you drag between the two.
 */
import { useEffect } from 'react';
import type { EquipmentSlot } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useBank, useInventory } from './use-inventory';
import type { InvItem } from './view-model';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { SlotGrid } from './slot-grid';
import { useSlotHandlers } from './use-slot-handlers';

const NONE: Partial<Record<EquipmentSlot, InvItem>> = {};

export function BankPanel() {
  const open = useGame((s) => s.panels.bank);
  const setPanel = useGame((s) => s.setPanel);
  const terminal = useGame((s) => s.bankNear);
  useEffect(() => {
    if (open) setPanel('inventory', true);
  }, [open, setPanel]);
  if (!open) return null;
  return (
    <GameWindow
      title="bank"
      hotkey={windowFace('bank')}
      testId="bank-panel"
      className="gwin--bank"
      onClose={() => setPanel('bank', false)}
      extra={terminal && <span className="gwin__sub">{terminal.name}</span>}
    >
      <BankBody />
    </GameWindow>
  );
}

function BankBody() {
  const { query, model } = useBank(true);
  const { model: inv } = useInventory();
  const dragging = useGame((s) => s.drag !== null);
  const toast = useGame((s) => s.toast);
  const setPanel = useGame((s) => s.setPanel);
  const handlers = useSlotHandlers(inv?.equipment ?? NONE);

  // the server is the judge of range: its refusal closes the window
  useEffect(() => {
    if (!query.isError) return;
    toast('warn', refusal(query.error));
    setPanel('bank', false);
  }, [query.isError, query.error, toast, setPanel]);

  if (!model) return <p className="gwin__msg muted">Connecting to the terminal…</p>;
  return (
    <>
      <p className="inv__caption">
        <span>Vault · shared by all your characters</span>
        <span className="muted" data-testid="bank-used">
          {model.items.size} / {model.bankSlots}
        </span>
      </p>
      <SlotGrid
        container="bank"
        slots={model.bankSlots}
        items={model.items}
        handlers={handlers}
        dragging={dragging}
        testId="bank-slot"
        label="Bank"
      />
      <p className="gwin__hint">
        drag between bag and bank · double-click to withdraw · bound items stay with their owner
      </p>
    </>
  );
}
