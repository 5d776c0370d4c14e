/** What each attribute does, in the words of the rules in packages/shared/src/rules/stats.ts. */
import type { AttributeKey } from '@necp/shared';

export const ATTRIBUTE_INFO: Record<AttributeKey, { name: string; blurb: string }> = {
  body: {
    name: 'Body',
    blurb: 'Health, armour, carry weight, melee damage and chemical resistance.',
  },
  reflexes: { name: 'Reflexes', blurb: 'Ranged physical damage and attack speed.' },
  technical: { name: 'Technical', blurb: 'Thermal and chemical weapon damage.' },
  intelligence: {
    name: 'Intelligence',
    blurb: 'Electrical (tech/hack) damage and electrical resistance.',
  },
  cool: { name: 'Cool', blurb: 'Critical hit chance.' },
};
