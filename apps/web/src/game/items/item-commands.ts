/**
 * Item intents that go to the sim rather than the API: picking up a drop,
 * opening a crate, dropping a bag item at your feet, using an item. Every answer
 * (and refusal) becomes a toast. After an API change of bag or equipment nothing is
 * sent: the server tells the sim (character.stats_changed) and it pushes char:stats.
 */
import type { DropItemInfo, ItemUseResult } from '@necp/shared';
import { itemName, templateOf } from './templates';
import type { GameStore } from '../store/game-store';
import { itemUseText } from '../net/notices';
import { sendCommand } from '../net/ack';
import type { SimSocket } from '../net/sim-socket';

export interface ItemCommandDeps {
  socket: () => SimSocket | null;
  store: GameStore;
  /** the bag changed on the server: refetch what the panels show */
  onInventoryChanged: () => void;
}

const describeItem = (i: DropItemInfo) => ({
  name: itemName(i.templateId),
  rarity: i.rarity,
  quantity: i.quantity,
});

export class ItemCommands {
  private busy = new Set<string>();
  constructor(private deps: ItemCommandDeps) {}

  private get toast() {
    return this.deps.store.getState().toast;
  }

  /**
   * Sends through sendCommand; any failure is told as a toast and gives null. No
   * answer is red, a refusal or no connection a warning.
   */
  private async call<T>(
    event: 'loot:pickup' | 'crate:open' | 'inventory:drop' | 'item:use',
    payload: object,
    key: string,
  ): Promise<T | null> {
    // a held key or a double click must not send the same intent twice
    if (this.busy.has(key)) return null;
    this.busy.add(key);
    try {
      const res = await sendCommand<T>(this.deps.socket(), event, payload);
      if (res.ok) return res.data;
      this.toast(res.error.code === 'TIMEOUT' ? 'error' : 'warn', res.error.message);
      return null;
    } finally {
      this.busy.delete(key);
    }
  }

  async pickup(eid: number): Promise<boolean> {
    const got = await this.call<{ item: DropItemInfo }>('loot:pickup', { eid }, `pickup:${eid}`);
    if (!got) return false;
    this.toast('success', 'Picked up', describeItem(got.item), 'loot');
    this.deps.onInventoryChanged();
    return true;
  }

  async openCrate(eid: number): Promise<boolean> {
    const opened = await this.call<{ drops: { item: DropItemInfo }[]; eddies: number }>(
      'crate:open',
      { eid },
      `crate:${eid}`,
    );
    if (!opened) return false;
    const { drops, eddies } = opened;
    const parts = [
      drops.length > 0 ? `${drops.length} item${drops.length > 1 ? 's' : ''} spilled out` : null,
      eddies > 0 ? `+¥${eddies}` : null,
    ].filter(Boolean);
    this.toast('success', `Crate cracked open${parts.length ? ` — ${parts.join(', ')}` : ''}.`);
    if (eddies > 0) this.deps.onInventoryChanged();
    return true;
  }

  async drop(itemId: string, quantity?: number): Promise<boolean> {
    const dropped = await this.call<{ drop: { item: DropItemInfo } }>(
      'inventory:drop',
      quantity === undefined ? { itemId } : { itemId, quantity },
      `drop:${itemId}`,
    );
    if (!dropped) return false;
    this.toast('info', 'Dropped', describeItem(dropped.drop.item));
    this.deps.onInventoryChanged();
    return true;
  }

  /**
   * Uses one of a bag stack through the sim (it heals, counts quest `use`
   * objectives and takes the unit). A cooldown or an unusable item is refused
   * with the server's words.
   */
  async use(itemId: string): Promise<boolean> {
    const used = await this.call<ItemUseResult>('item:use', { itemId }, `use:${itemId}`);
    if (!used) return false;
    const { templateId } = used;
    this.toast('success', itemUseText(used), {
      name: itemName(templateId),
      rarity: templateOf(templateId)?.rarity ?? 'common',
    });
    this.deps.onInventoryChanged();
    return true;
  }
}
