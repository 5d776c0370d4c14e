/**
 * Items held where they lie (Item.reservation: offered in a trade). The database's
 * Item_reserved_guard trigger refuses any change to a held row with SQLSTATE NC001;
 * the domain checks first where it can (ownedItem) for a clear refusal, and
 * inTransaction turns the trigger's error into the same refusal where it could not.
 */
import { DomainError } from './errors';

/** the SQLSTATE of Item_reserved_guard (migration 20261129010000_item_reservation) */
export const ITEM_RESERVED_SQLSTATE = 'NC001';

/** what holds an item offered in trade `tradeId` */
export const tradeReservation = (tradeId: string) => `trade:${tradeId}`;

export const itemReserved = () =>
  new DomainError(
    'INVALID_STATE',
    'item reserved',
    'That item is held by a trade or a craft: finish or cancel it first.',
  );

type ErrorLike = {
  code?: unknown;
  message?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } };
  cause?: { code?: unknown; originalCode?: unknown };
};

/** True for the trigger's refusal, however Prisma and the driver adapter surface it. */
export function isItemReservedError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as ErrorLike;
  const codes = [
    e.code,
    e.meta?.code,
    e.meta?.driverAdapterError?.cause?.originalCode,
    e.cause?.code,
    e.cause?.originalCode,
  ];
  if (codes.includes(ITEM_RESERVED_SQLSTATE)) return true;
  return typeof e.message === 'string' && e.message.includes('item_reserved:');
}
