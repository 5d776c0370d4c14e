/** The commodity market: an order book per good (issue 29; docs/economy.md). */
export { placeOrder } from './place-order';
export { placementBatches, placementsSettled } from './place-batch';
export { cancelOrder } from './cancel-order';
export { collectOrders } from './collect';
export { matchBook, runMatchBatch, type BatchResult } from './match-book';
export {
  MARKET_CRONTAB,
  MARKET_TASK,
  expireDueOrders,
  matchWaitingBooks,
  runMarketTick,
} from './expire-orders';
export { marketBook, marketGoods, marketHistory, myMarketOrders } from './read-market';
export { purgeMarketOf } from './purge-orders';
export { readJournal } from './read-journal';
