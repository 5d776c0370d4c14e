import type { User } from '@necp/db';
import type { BankView } from '@necp/shared';
import type { Tx } from '../core/deps';
import { ItemRowsSchema } from '../core/locked-rows';
import { toItemView } from '../inventory/item-view';
import { loadTemplates, templateOf } from '../inventory/templates';

export async function readBank(tx: Tx, user: Pick<User, 'id' | 'bankSlots'>): Promise<BankView> {
  const items = ItemRowsSchema.parse(
    await tx.item.findMany({
      where: { userId: user.id, container: 'BANK' },
      orderBy: { slot: 'asc' },
    }),
  );
  const templates = await loadTemplates(
    tx,
    items.map((i) => i.templateId),
  );
  return {
    bankSlots: user.bankSlots,
    items: items.map((i) => toItemView(i, templateOf(templates, i.templateId))),
  };
}
