import {
  VendorBuyInputSchema,
  VendorBuybackInputSchema,
  VendorGetInputSchema,
  VendorSellInputSchema,
} from '@necp/shared';
import { buyBackFromVendor, buyFromVendor, getVendor, sellToVendor } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * Trading with a vendor contact (within INTERACT_RANGE). Prices depend on the
 * character's standing with the vendor's faction; hostile standing refuses.
 */
export const vendorRouter = createTRPCRouter({
  get: protectedProcedure
    .input(VendorGetInputSchema)
    .query(({ ctx, input }) => getVendor(ctx.deps, { ...input, userId: ctx.session.userId })),
  buy: protectedProcedure
    .input(VendorBuyInputSchema)
    .mutation(({ ctx, input }) =>
      buyFromVendor(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),
  sell: protectedProcedure
    .input(VendorSellInputSchema)
    .mutation(({ ctx, input }) => sellToVendor(ctx.deps, { ...input, userId: ctx.session.userId })),
  buyback: protectedProcedure
    .input(VendorBuybackInputSchema)
    .mutation(({ ctx, input }) =>
      buyBackFromVendor(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),
});
