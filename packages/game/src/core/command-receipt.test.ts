import { describe, expect, it } from 'vitest';
import { termsOf } from './command-receipt';

describe('termsOf', () => {
  it('is the command and its terms, whatever the order of the fields and without the key', () => {
    const a = termsOf('vendor.buy', {
      characterId: 'c1',
      idempotencyKey: 'k1',
      quantity: 2,
      templateId: 'stim',
    });
    const b = termsOf('vendor.buy', {
      templateId: 'stim',
      quantity: 2,
      idempotencyKey: 'k2',
      characterId: 'c1',
      expectedPrice: undefined,
    });
    expect(a).toBe(b);
    expect(a).toBe('["vendor.buy",{"characterId":"c1","quantity":2,"templateId":"stim"}]');
  });

  it('tells another command or other terms apart', () => {
    const base = { characterId: 'c1', idempotencyKey: 'k', amount: 5 };
    expect(termsOf('guild.deposit', base)).not.toBe(termsOf('guild.withdraw', base));
    expect(termsOf('guild.deposit', base)).not.toBe(
      termsOf('guild.deposit', { ...base, amount: 6 }),
    );
    // an omitted option is not the same term as one given
    expect(termsOf('bank.deposit', { ...base, quantity: 5 })).not.toBe(
      termsOf('bank.deposit', base),
    );
  });
});
