import { DomainError } from '../core/errors';

/** Not a trade of yours (or none): NOT_FOUND, never telling others' trades exist. */
export const tradeNotFound = () =>
  new DomainError('NOT_FOUND', 'trade not found for this character', 'That trade is gone.');
export const tradeOver = () =>
  new DomainError('INVALID_STATE', 'trade is not open', 'That trade is over.');
export const alreadyTrading = (name: string) =>
  new DomainError('INVALID_STATE', `${name} is already trading`, `${name} is already trading.`);
export const tradeRefusedByBlock = (name: string) =>
  new DomainError('FORBIDDEN', 'one side blocks the other', `You cannot trade with ${name}.`);
export const offerChanged = () =>
  new DomainError(
    'CONFLICT',
    'accepted version is not the current one',
    'The offer changed: look at it again before you accept.',
  );
export const acceptTooSoon = () =>
  new DomainError(
    'INVALID_STATE',
    'the other side changed its offer a moment ago',
    'The offer just changed: wait a moment before you accept.',
  );
export const notInBag = () =>
  new DomainError(
    'INVALID_STATE',
    'offered item not in the bag',
    'Only items in your bag can be offered.',
  );
export const boundOffered = () =>
  new DomainError('INVALID_STATE', 'bound item offered', 'Bound items cannot be traded.');
export const noRoomFor = (name: string) =>
  new DomainError(
    'INVALID_STATE',
    `${name}'s bag has no room`,
    `${name}'s bag has no room for the trade.`,
  );
export const eddiesGone = (name: string) =>
  new DomainError(
    'INVALID_STATE',
    `${name} lacks the eddies offered`,
    `${name} no longer has the eddies offered.`,
  );
