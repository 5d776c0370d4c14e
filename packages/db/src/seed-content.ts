import { ITEM_TEMPLATES, ZONES, type ItemTemplate } from '@necp/shared';
import type { Db, Tx } from './client';
import type { Prisma } from './generated/prisma/client';

export interface SeedResult {
  zones: number;
  spawnPoints: number;
  itemTemplates: number;
  /** templates created or updated by this run (0 when the database already matched) */
  itemTemplatesWritten: number;
  /** templates no longer in content but still referenced by items: kept so those items stay valid */
  retiredTemplates: string[];
}

/**
 * Idempotent content seed: upserts zones, their spawn points and every item
 * template from packages/shared. Content that left the code is removed from the
 * database, except item templates that items still point at (see SeedResult).
 */
export async function seedContent(db: Db): Promise<SeedResult> {
  let spawnPoints = 0;
  let templates = { written: 0, retired: [] as string[] };
  await db.$transaction(
    async (tx) => {
      for (const z of ZONES) {
        const data = {
          name: z.name,
          width: z.width,
          height: z.height,
          minLevel: z.minLevel,
          maxLevel: z.maxLevel,
        };
        await tx.zone.upsert({ where: { id: z.id }, create: { id: z.id, ...data }, update: data });
        for (const s of z.spawnPoints) {
          const sp = { zoneId: z.id, kind: s.kind, name: s.name, x: s.x, y: s.y };
          await tx.spawnPoint.upsert({
            where: { id: s.id },
            create: { id: s.id, ...sp },
            update: sp,
          });
          spawnPoints++;
        }
        // spawn points removed from content are removed from the database too
        await tx.spawnPoint.deleteMany({
          where: { zoneId: z.id, id: { notIn: z.spawnPoints.map((s) => s.id) } },
        });
      }
      templates = await seedItemTemplates(tx);
      // a first seed writes a hundred templates: more than the 5 s default on a cold database
    },
    { timeout: 60_000 },
  );
  return {
    zones: ZONES.length,
    spawnPoints,
    itemTemplates: ITEM_TEMPLATES.length,
    itemTemplatesWritten: templates.written,
    retiredTemplates: templates.retired,
  };
}

/** Columns for queries and reports; `data` is the full parsed template the game reads. */
export function itemTemplateRow(t: ItemTemplate) {
  return {
    name: t.name,
    kind: t.kind,
    slot: t.slot ?? null,
    rarity: t.rarity,
    levelReq: t.levelReq,
    stackSize: t.stackSize,
    weight: t.weight,
    value: t.value,
    binding: t.binding,
    maxDurability: t.maxDurability ?? null,
    // a parsed template is plain JSON (no undefined values: absent keys are omitted)
    data: t as unknown as Prisma.InputJsonObject,
  };
}

/** JSON with sorted keys: JSONB does not keep key order, so compare canonically. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * Writes only templates that are new or differ from content, so a re-seed of a
 * hundred unchanged templates is a handful of queries, not a hundred upserts.
 */
async function seedItemTemplates(tx: Tx): Promise<{ written: number; retired: string[] }> {
  const existing = new Map(
    (await tx.itemTemplate.findMany()).map(({ id, ...row }) => [id, canonical(row)]),
  );
  const missing = [];
  let updated = 0;
  for (const t of ITEM_TEMPLATES) {
    const row = itemTemplateRow(t);
    const current = existing.get(t.id);
    if (current === undefined) missing.push({ id: t.id, ...row });
    else if (current !== canonical(row)) {
      await tx.itemTemplate.update({ where: { id: t.id }, data: row });
      updated++;
    }
  }
  const created =
    missing.length > 0
      ? (await tx.itemTemplate.createMany({ data: missing, skipDuplicates: true })).count
      : 0;
  const ids = ITEM_TEMPLATES.map((t) => t.id);
  // unreferenced templates that left the content go; referenced ones stay (Item FK is RESTRICT)
  await tx.itemTemplate.deleteMany({ where: { id: { notIn: ids }, items: { none: {} } } });
  const kept = await tx.itemTemplate.findMany({
    where: { id: { notIn: ids } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return { written: created + updated, retired: kept.map((k) => k.id) };
}
