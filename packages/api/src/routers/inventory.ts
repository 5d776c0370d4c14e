import {
  DestroyItemInputSchema,
  EquipItemInputSchema,
  InventoryGetInputSchema,
  MoveItemInputSchema,
  RepairItemInputSchema,
  SplitStackInputSchema,
  UnequipItemInputSchema,
} from '@necp/shared';
import {
  destroyItem,
  equipItem,
  getInventory,
  moveItem,
  repairItem,
  splitStack,
  unequipItem,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * The signed-in account's character inventories. Every mutation returns the
 * inventory as it is afterwards; ownership is checked in the domain.
 */
export const inventoryRouter = createTRPCRouter({
  get: protectedProcedure
    .input(InventoryGetInputSchema)
    .query(({ ctx, input }) => getInventory(ctx.deps, { ...input, userId: ctx.session.userId })),

  move: protectedProcedure
    .input(MoveItemInputSchema)
    .mutation(({ ctx, input }) => moveItem(ctx.deps, { ...input, userId: ctx.session.userId })),

  split: protectedProcedure
    .input(SplitStackInputSchema)
    .mutation(({ ctx, input }) => splitStack(ctx.deps, { ...input, userId: ctx.session.userId })),

  equip: protectedProcedure
    .input(EquipItemInputSchema)
    .mutation(({ ctx, input }) => equipItem(ctx.deps, { ...input, userId: ctx.session.userId })),

  unequip: protectedProcedure
    .input(UnequipItemInputSchema)
    .mutation(({ ctx, input }) => unequipItem(ctx.deps, { ...input, userId: ctx.session.userId })),

  destroy: protectedProcedure
    .input(DestroyItemInputSchema)
    .mutation(({ ctx, input }) => destroyItem(ctx.deps, { ...input, userId: ctx.session.userId })),

  repair: protectedProcedure
    .input(RepairItemInputSchema)
    .mutation(({ ctx, input }) => repairItem(ctx.deps, { ...input, userId: ctx.session.userId })),
});
