/** What the HUD asks of trade (trade/trade-commands.ts; outcomes are toasts). */
import type { TradeCommands } from './trade-commands';

export interface TradeHudCommands {
  tradeRequest: (name: string) => Promise<boolean>;
  tradeAnswer: (tradeId: string, accept: boolean) => Promise<boolean>;
  tradeOffer: (tradeId: string, items: string[], eddies: number) => Promise<boolean>;
  tradeAccept: (tradeId: string, version: number) => Promise<boolean>;
  tradeCancel: (tradeId: string) => Promise<boolean>;
}

export const tradeHudCommands = (
  client: () => { trade: TradeCommands } | null,
): TradeHudCommands => {
  const no = Promise.resolve(false);
  const trade = () => client()?.trade;
  return {
    tradeRequest: (name) => trade()?.request(name) ?? no,
    tradeAnswer: (id, accept) => trade()?.answer(id, accept) ?? no,
    tradeOffer: (id, items, eddies) => trade()?.offer(id, items, eddies) ?? no,
    tradeAccept: (id, version) => trade()?.accept(id, version) ?? no,
    tradeCancel: (id) => trade()?.cancel(id) ?? no,
  };
};
