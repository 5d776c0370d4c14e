import {
  CRAFTABLE_TEMPLATE_IDS,
  MAIL_ATTACHMENTS_MAX,
  isAskableItem,
  NPC_TEMPLATES_BY_ID,
  RECIPES,
  type ContractKind,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { loadTemplate } from '../inventory/templates';
import { badTerms, unknownTarget } from './errors';

/** What a contract's target is: its name and, for items, its stack size. */
export interface Target {
  name: string;
  stackSize: number;
}

/**
 * Checks what a contract asks: a tradeable item template (deliver), a recipe's output
 * (craft), an NPC kind (kill). Asked items must fit one mail when they are handed over
 * (at most MAIL_ATTACHMENTS_MAX stacks).
 */
export async function checkTarget(
  tx: Tx,
  kind: ContractKind,
  targetId: string,
  quantity: number,
): Promise<Target> {
  if (kind === 'kill') {
    const npc = NPC_TEMPLATES_BY_ID.get(targetId);
    if (!npc) throw unknownTarget('enemy');
    return { name: npc.name, stackSize: 1 };
  }
  const t = await loadTemplate(tx, targetId).catch(() => {
    throw unknownTarget('item');
  });
  if (!isAskableItem(t)) throw badTerms('Quest items cannot be asked for.');
  if (kind === 'craft' && !CRAFTABLE_TEMPLATE_IDS.has(targetId))
    throw badTerms('No recipe makes that item.');
  if (Math.ceil(quantity / t.stackSize) > MAIL_ATTACHMENTS_MAX)
    throw badTerms(`At most ${MAIL_ATTACHMENTS_MAX * t.stackSize} of that in one contract.`);
  return { name: t.name, stackSize: t.stackSize };
}

/** The recipes whose output is the target (a craft contract counts their crafts). */
export const recipesMaking = (templateId: string) =>
  RECIPES.filter((r) => r.output.templateId === templateId);
