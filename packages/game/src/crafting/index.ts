/** Crafting and salvage (issue 28; docs/economy.md "Crafting"). */
export { startCraft, assertAtCraftingStation } from './start-craft';
export { finishCraft } from './finish-craft';
export { cancelCraft } from './cancel-craft';
export {
  CRAFT_FINISH_CRONTAB,
  CRAFT_FINISH_TASK,
  finishDueCraft,
  finishDueCrafts,
} from './finish-due-crafts';
export { salvageItem } from './salvage-item';
export { craftingView } from './crafting-view';
