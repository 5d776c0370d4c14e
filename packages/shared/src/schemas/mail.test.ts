import { describe, expect, it } from 'vitest';
import { MailQuoteInputSchema } from './mail';

describe('mail inputs', () => {
  it('the quote input refuses bad shapes', () => {
    const ok = { characterId: 'c1', to: 'Vee' };
    expect(MailQuoteInputSchema.parse(ok)).toMatchObject({ attachments: 0, eddies: 0, cod: 0 });
    for (const bad of [
      { ...ok, attachments: 7 },
      { ...ok, attachments: -1 },
      { ...ok, eddies: 1.5 },
      { ...ok, to: 'V\u0000e' },
      { ...ok, to: '\uD800x' },
      { ...ok, characterId: '' },
    ])
      expect(MailQuoteInputSchema.safeParse(bad).success).toBe(false);
  });
});
