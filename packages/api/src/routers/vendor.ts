import {
  VendorBuyInputSchema,
  VendorBuybackInputSchema,
  VendorGetInputSchema,
  VendorSellInputSchema,
} from '@necp/shared';
import { buyBackFromVendor, buyFromVendor, getVendor, sellToVendor } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * Trading with a vendor contact (within INTERACT_RANGE). Prices depend on the
 * character's standing with the vendor's faction; hostile standing refuses.
 */
export const vendorRouter = createTRPCRouter({
  get: characterProcedure
    .input(VendorGetInputSchema)
    .query(({ ctx, input }) => getVendor(ctx.deps, input)),
  buy: characterProcedure
    .input(VendorBuyInputSchema)
    .mutation(({ ctx, input }) => buyFromVendor(ctx.deps, input)),
  sell: characterProcedure
    .input(VendorSellInputSchema)
    .mutation(({ ctx, input }) => sellToVendor(ctx.deps, input)),
  buyback: characterProcedure
    .input(VendorBuybackInputSchema)
    .mutation(({ ctx, input }) => buyBackFromVendor(ctx.deps, input)),
});
