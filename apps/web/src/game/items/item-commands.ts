/**
 * Item intents that go to the sim rather than the API: picking up a drop,
 * opening a crate, dropping a bag item at your feet, using an item. Every answer
 * (and refusal) becomes a toast. After an API change of bag or equipment nothing is
 * sent: the server tells the sim (character.stats_changed) and it pushes char:stats.
 */
import type { Ack, DropItemInfo, ItemUseResult } from '@necp/shared';
import { itemName, templateOf } from './templates';
import type { GameStore } from '../store/game-store';
import { itemUseText } from '../net/notices';
import { readAck } from '../net/ack';
import type { SimSocket } from '../net/sim-socket';

const ACK_TIMEOUT_MS = 5000;

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

  /** Emits with an ack; a missing answer or a lost connection is reported, never thrown. */
  private async call<T>(
    event: 'loot:pickup' | 'crate:open' | 'inventory:drop' | 'item:use',
    payload: object,
    key: string,
  ): Promise<Ack<T> | null> {
    const socket = this.deps.socket();
    if (!socket?.connected) {
      this.toast('warn', 'Not connected to the city right now.');
      return null;
    }
    // a held key or a double click must not send the same intent twice
    if (this.busy.has(key)) return null;
    this.busy.add(key);
    try {
      return readAck<T>(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload));
    } catch {
      this.toast('error', 'The server did not answer. Try again.');
      return null;
    } finally {
      this.busy.delete(key);
    }
  }

  async pickup(eid: number): Promise<boolean> {
    const res = await this.call<{ item: DropItemInfo }>('loot:pickup', { eid }, `pickup:${eid}`);
    if (!res) return false;
    if (!res.ok) {
      this.toast('warn', res.error.message);
      return false;
    }
    this.toast('success', 'Picked up', describeItem(res.data.item), 'loot');
    this.deps.onInventoryChanged();
    return true;
  }

  async openCrate(eid: number): Promise<boolean> {
    const res = await this.call<{ drops: { item: DropItemInfo }[]; eddies: number }>(
      'crate:open',
      { eid },
      `crate:${eid}`,
    );
    if (!res) return false;
    if (!res.ok) {
      this.toast('warn', res.error.message);
      return false;
    }
    const { drops, eddies } = res.data;
    const parts = [
      drops.length > 0 ? `${drops.length} item${drops.length > 1 ? 's' : ''} spilled out` : null,
      eddies > 0 ? `+¥${eddies}` : null,
    ].filter(Boolean);
    this.toast('success', `Crate cracked open${parts.length ? ` — ${parts.join(', ')}` : ''}.`);
    if (eddies > 0) this.deps.onInventoryChanged();
    return true;
  }

  async drop(itemId: string, quantity?: number): Promise<boolean> {
    const res = await this.call<{ drop: { item: DropItemInfo } }>(
      'inventory:drop',
      quantity === undefined ? { itemId } : { itemId, quantity },
      `drop:${itemId}`,
    );
    if (!res) return false;
    if (!res.ok) {
      this.toast('warn', res.error.message);
      return false;
    }
    this.toast('info', 'Dropped', describeItem(res.data.drop.item));
    this.deps.onInventoryChanged();
    return true;
  }

  /**
   * Uses one of a bag stack through the sim (it heals, counts quest `use`
   * objectives and takes the unit). A cooldown or an unusable item is refused
   * with the server's words.
   */
  async use(itemId: string): Promise<boolean> {
    const res = await this.call<ItemUseResult>('item:use', { itemId }, `use:${itemId}`);
    if (!res) return false;
    if (!res.ok) {
      this.toast('warn', res.error.message);
      return false;
    }
    const { templateId } = res.data;
    this.toast('success', itemUseText(res.data), {
      name: itemName(templateId),
      rarity: templateOf(templateId)?.rarity ?? 'common',
    });
    this.deps.onInventoryChanged();
    return true;
  }
}
