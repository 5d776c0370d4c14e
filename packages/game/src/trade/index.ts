/** Face-to-face trade (issue 28; docs/economy.md "Trade"). */
export { requestTrade } from './request-trade';
export { answerTrade } from './answer-trade';
export { offerTrade } from './offer-trade';
export { acceptTrade } from './accept-trade';
export { cancelTrade, cancelTradeOf } from './cancel-trade';
export {
  TRADE_EXPIRY_CRONTAB,
  TRADE_EXPIRY_TASK,
  expireTrade,
  expireTrades,
} from './expire-trades';
export type { TradeOutcome } from './trade-rows';
export { tradeHistory } from './trade-history';
