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
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * The signed-in account's character inventories. Every mutation returns the
 * inventory as it is afterwards; ownership is checked by characterProcedure.
 */
export const inventoryRouter = createTRPCRouter({
  get: characterProcedure
    .input(InventoryGetInputSchema)
    .query(({ ctx, input }) => getInventory(ctx.deps, input)),

  move: characterProcedure
    .input(MoveItemInputSchema)
    .mutation(({ ctx, input }) => moveItem(ctx.deps, input)),

  split: characterProcedure
    .input(SplitStackInputSchema)
    .mutation(({ ctx, input }) => splitStack(ctx.deps, input)),

  equip: characterProcedure
    .input(EquipItemInputSchema)
    .mutation(({ ctx, input }) => equipItem(ctx.deps, input)),

  unequip: characterProcedure
    .input(UnequipItemInputSchema)
    .mutation(({ ctx, input }) => unequipItem(ctx.deps, input)),

  destroy: characterProcedure
    .input(DestroyItemInputSchema)
    .mutation(({ ctx, input }) => destroyItem(ctx.deps, input)),

  repair: characterProcedure
    .input(RepairItemInputSchema)
    .mutation(({ ctx, input }) => repairItem(ctx.deps, input)),
});
