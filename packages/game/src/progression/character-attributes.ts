import { ATTRIBUTE_KEYS, startingAttributes, type Attributes } from '@necp/shared';
import type { Character } from '@necp/db';
import { closedSet } from '../core/closed-columns';

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
  // rows are written only by createCharacter from validated ids: anything else is corrupt data
  return startingAttributes(
    closedSet.Character.origin.parse(c.origin),
    closedSet.Character.class.parse(c.class),
  );
}

/** Points spent above the starting attributes (what a respec refunds). */
export function spentPoints(current: Attributes, start: Attributes): number {
  let n = 0;
  for (const k of ATTRIBUTE_KEYS) n += Math.max(0, current[k] - start[k]);
  return n;
}
