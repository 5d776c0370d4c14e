import { ItemTemplateSchema, type ItemTemplate } from '@necp/shared';
import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';

// Content is immutable while a process runs (it changes with a deploy + seed),
// so each template's JSON is parsed once.
const parsed = new Map<string, ItemTemplate>();

/** The content object of an ItemTemplate row (`data` holds the full ItemTemplate). */
export function templateContent(row: { id: string; data: unknown }): ItemTemplate {
  let t = parsed.get(row.id);
  if (!t) {
    t = ItemTemplateSchema.parse(row.data);
    parsed.set(row.id, t);
  }
  return t;
}

export const unknownTemplate = (templateId: string) =>
  new DomainError('NOT_FOUND', `item template ${templateId} not found`, 'Unknown item');

export async function loadTemplate(tx: Tx, templateId: string): Promise<ItemTemplate> {
  const row = await tx.itemTemplate.findUnique({
    where: { id: templateId },
    select: { id: true, data: true },
  });
  if (!row) throw unknownTemplate(templateId);
  return templateContent(row);
}

/** Templates of several items at once (ids may repeat). */
export async function loadTemplates(
  tx: Tx,
  templateIds: readonly string[],
): Promise<Map<string, ItemTemplate>> {
  const ids = [...new Set(templateIds)];
  const rows = await tx.itemTemplate.findMany({
    where: { id: { in: ids } },
    select: { id: true, data: true },
  });
  return new Map(rows.map((r) => [r.id, templateContent(r)]));
}

/** A template the caller already knows exists (its items reference it). */
export function templateOf(templates: Map<string, ItemTemplate>, templateId: string): ItemTemplate {
  const t = templates.get(templateId);
  if (!t) throw new Error(`item template ${templateId} missing`);
  return t;
}
