import { CLASSES, type ClassId } from '../content/classes';
import { ORIGINS, type OriginId } from '../content/origins';
import { ATTRIBUTE_KEYS, type Attributes } from '../content/attributes';

/** Class base attributes plus the origin bonus. */
export function startingAttributes(origin: OriginId, cls: ClassId): Attributes {
  const c = CLASSES.find((x) => x.id === cls);
  const o = ORIGINS.find((x) => x.id === origin);
  if (!c || !o) throw new Error(`unknown origin/class ${origin}/${cls}`);
  const bonus: Partial<Attributes> = o.bonus;
  const out = { ...c.base };
  for (const k of ATTRIBUTE_KEYS) out[k] += bonus[k] ?? 0;
  return out;
}

/** Health grows with Body and level. */
export function maxHealthFor(attrs: Pick<Attributes, 'body'>, level: number): number {
  return 50 + attrs.body * 10 + (level - 1) * 8;
}
