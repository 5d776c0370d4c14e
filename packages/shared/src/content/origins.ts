import { z } from 'zod';
import { AttributesSchema } from './attributes';

export const OriginSchema = z.object({
  id: z.string(),
  name: z.string(),
  blurb: z.string(),
  /** added to the class base attributes */
  bonus: AttributesSchema.partial(),
});
export type Origin = z.infer<typeof OriginSchema>;

export const ORIGINS = [
  {
    id: 'streetkid',
    name: 'Streetkid',
    blurb: 'Raised on Watson asphalt. Knows every alley and every fixer.',
    bonus: { cool: 2, reflexes: 1 },
  },
  {
    id: 'nomad',
    name: 'Nomad',
    blurb: 'Came in from the Badlands with a clan and a wrench.',
    bonus: { body: 2, technical: 1 },
  },
  {
    id: 'corpo',
    name: 'Corpo',
    blurb: 'Fired from Arasaka tower. Knows how the machine thinks.',
    bonus: { intelligence: 2, cool: 1 },
  },
] as const satisfies readonly Origin[];

export type OriginId = (typeof ORIGINS)[number]['id'];
export const ORIGIN_IDS = ORIGINS.map((o) => o.id) as [OriginId, ...OriginId[]];
