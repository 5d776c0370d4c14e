import {
  ATTRIBUTE_KEYS,
  CLASS_IDS,
  ORIGIN_IDS,
  startingAttributes,
  type Attributes,
  type ClassId,
  type OriginId,
} from '@necp/shared';
import type { Character } from '@necp/db';

/** The five attribute columns of a character row. */
export function attributesOf(c: Attributes): Attributes {
  return {
    body: c.body,
    reflexes: c.reflexes,
    technical: c.technical,
    intelligence: c.intelligence,
    cool: c.cool,
  };
}

/** Starting attributes of the character's origin and class (what a respec resets to). */
export function startingAttributesOf(c: Pick<Character, 'origin' | 'class'>): Attributes {
  const origin = ORIGIN_IDS.find((o) => o === c.origin) as OriginId | undefined;
  const cls = CLASS_IDS.find((k) => k === c.class) as ClassId | undefined;
  // rows are written only by createCharacter from validated ids: anything else is corrupt data
  if (!origin || !cls) throw new Error(`character has unknown origin/class ${c.origin}/${c.class}`);
  return startingAttributes(origin, cls);
}

/** Points spent above the starting attributes (what a respec refunds). */
export function spentPoints(current: Attributes, start: Attributes): number {
  let n = 0;
  for (const k of ATTRIBUTE_KEYS) n += Math.max(0, current[k] - start[k]);
  return n;
}
