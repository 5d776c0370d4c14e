import { z } from 'zod';
import { AttributesSchema } from './attributes';

export const CharacterClassSchema = z.object({
  id: z.string(),
  name: z.string(),
  blurb: z.string(),
  base: AttributesSchema,
});
export type CharacterClass = z.infer<typeof CharacterClassSchema>;

export const CLASSES = [
  {
    id: 'solo',
    name: 'Solo',
    blurb: 'Hired gun. Chrome, guns and nerves of steel.',
    base: { body: 6, reflexes: 6, technical: 3, intelligence: 3, cool: 4 },
  },
  {
    id: 'netrunner',
    name: 'Netrunner',
    blurb: 'Jacks into the Net and fries enemy cyberware from afar.',
    base: { body: 3, reflexes: 4, technical: 4, intelligence: 7, cool: 4 },
  },
  {
    id: 'techie',
    name: 'Techie',
    blurb: 'Builds turrets, patches armour, hacks doors with a screwdriver.',
    base: { body: 4, reflexes: 3, technical: 7, intelligence: 5, cool: 3 },
  },
  {
    id: 'medtech',
    name: 'Medtech',
    blurb: 'Keeps the crew alive with stims and a steady hand.',
    base: { body: 4, reflexes: 4, technical: 5, intelligence: 5, cool: 4 },
  },
] as const satisfies readonly CharacterClass[];

export type ClassId = (typeof CLASSES)[number]['id'];
export const CLASS_IDS = CLASSES.map((c) => c.id) as [ClassId, ...ClassId[]];
