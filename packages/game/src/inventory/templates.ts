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
  // immutable while the process runs (see above): a template read once is never read again
  const known = parsed.get(templateId);
  if (known) return known;
  // raw: a direct transaction (the market's placement) stays direct
  const [row] = await tx.$queryRaw<{ id: string; data: unknown }[]>`
    SELECT "id", "data" FROM "ItemTemplate" WHERE "id" = ${templateId}`;
  if (!row) throw unknownTemplate(templateId);
  return templateContent(row);
}

export async function loadTemplates(
  tx: Tx,
  templateIds: readonly string[],
): Promise<Map<string, ItemTemplate>> {
  const out = new Map<string, ItemTemplate>();
  const missing: string[] = [];
  for (const id of new Set(templateIds)) {
    const t = parsed.get(id);
    if (t) out.set(id, t);
    else missing.push(id);
  }
  // a query costs ~1 ms of CPU in the Prisma client (docs/perf.md): only for templates not yet seen
  if (missing.length === 0) return out;
  const rows = await tx.$queryRaw<{ id: string; data: unknown }[]>`
    SELECT "id", "data" FROM "ItemTemplate" WHERE "id" = ANY(${missing}::text[])`;
  for (const r of rows) out.set(r.id, templateContent(r));
  return out;
}

/** A template the caller already knows exists (its items reference it). */
export function templateOf(templates: Map<string, ItemTemplate>, templateId: string): ItemTemplate {
  const t = templates.get(templateId);
  if (!t) throw new Error(`item template ${templateId} missing`);
  return t;
}
