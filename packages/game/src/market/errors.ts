import { MARKET_ORDERS_MAX } from '@necp/shared';
import { DomainError } from '../core/errors';

export const orderNotFound = () =>
  new DomainError('NOT_FOUND', 'market order not found', 'That order is gone.');
export const notAtMarketTerminal = () =>
  new DomainError(
    'FORBIDDEN',
    'not within range of a market terminal',
    'You need to be at an Exchange terminal',
  );
export const notAGood = () =>
  new DomainError(
    'INVALID_STATE',
    'not a market good',
    'Only materials and consumables trade on the market.',
  );
export const tooManyOrders = () =>
  new DomainError(
    'INVALID_STATE',
    'order cap reached',
    `You have ${MARKET_ORDERS_MAX} open orders: cancel one or wait for it to fill.`,
  );
export const crossesOwnOrder = (price: number) =>
  new DomainError(
    'INVALID_STATE',
    'would trade with own order',
    `That would trade with your own order at ${price} eddies: cancel it first.`,
  );
export const buyLimitReached = (left: number) =>
  new DomainError(
    'INVALID_STATE',
    'buy limit reached',
    left > 0
      ? `You may buy only ${left} more of this in the next hours.`
      : 'You have reached the buy limit on this good for now.',
  );
export const notEnoughGoods = (have: number) =>
  new DomainError(
    'INVALID_STATE',
    'not enough goods in the bag',
    `You have only ${have} of those free in your bag.`,
  );
export const orderClosed = () =>
  new DomainError('INVALID_STATE', 'order is not open', 'That order is no longer open.');
export const notYourOrder = () =>
  new DomainError('NOT_FOUND', 'not the owner', 'That order is gone.');
