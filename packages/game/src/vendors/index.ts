// PLACEHOLDER (lead): signatures pinned for the routers and web; the vendors helper replaces this file.
import type {
  VendorBuyInput,
  VendorBuybackInput,
  VendorGetInput,
  VendorSellInput,
  VendorTradeResult,
  VendorView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';

const todo = (): never => {
  throw new DomainError('INVALID_STATE', 'not implemented yet', 'Not available yet');
};
type Owned<T> = T & { userId: string };
export async function getVendor(
  _deps: GameDeps,
  _input: Owned<VendorGetInput>,
): Promise<VendorView> {
  return todo();
}
export async function buyFromVendor(
  _deps: GameDeps,
  _input: Owned<VendorBuyInput>,
): Promise<VendorTradeResult> {
  return todo();
}
export async function sellToVendor(
  _deps: GameDeps,
  _input: Owned<VendorSellInput>,
): Promise<VendorTradeResult> {
  return todo();
}
export async function buyBackFromVendor(
  _deps: GameDeps,
  _input: Owned<VendorBuybackInput>,
): Promise<VendorTradeResult> {
  return todo();
}
