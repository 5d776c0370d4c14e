import { z } from 'zod';

export const ATTRIBUTE_KEYS = ['body', 'reflexes', 'technical', 'intelligence', 'cool'] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

export const AttributesSchema = z.object({
  body: z.int().min(1).max(20),
  reflexes: z.int().min(1).max(20),
  technical: z.int().min(1).max(20),
  intelligence: z.int().min(1).max(20),
  cool: z.int().min(1).max(20),
});
export type Attributes = z.infer<typeof AttributesSchema>;
