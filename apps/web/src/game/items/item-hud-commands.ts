/** What the HUD asks of the items feature that goes to the sim (the rest is tRPC: use-item-actions.ts). */
import type { ItemCommands } from './item-commands';

export interface ItemHudCommands {
  /** an item dragged onto the map: dropped on the street */
  dropToGround: (itemId: string, quantity?: number) => Promise<boolean>;
  /** use one of a bag stack (item:use through the sim: consumables heal, quest items count) */
  useItem: (itemId: string) => Promise<boolean>;
}

export const itemHudCommands = (client: () => { items: ItemCommands } | null): ItemHudCommands => ({
  dropToGround: (itemId, quantity) =>
    client()?.items.drop(itemId, quantity) ?? Promise.resolve(false),
  useItem: (itemId) => client()?.items.use(itemId) ?? Promise.resolve(false),
});
