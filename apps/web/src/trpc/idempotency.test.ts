import { describe, expect, it } from 'vitest';
import { IntentKeys, newIdempotencyKey } from './idempotency';
import { IdempotencyKeySchema } from '@necp/shared';

describe('idempotency keys', () => {
  it('draws keys the server accepts, each new', () => {
    const a = newIdempotencyKey();
    expect(IdempotencyKeySchema.safeParse(a).success).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('keeps one key per intent until its outcome is in', () => {
    const keys = new IntentKeys();
    const first = keys.keyed({ characterId: 'c1', recipeId: 'stim' });
    // a second press, or a try after a lost answer: the same key, so the server returns the first outcome
    expect(keys.keyed({ characterId: 'c1', recipeId: 'stim' }).idempotencyKey).toBe(
      first.idempotencyKey,
    );
    // other terms are another intent
    const other = keys.keyed({ characterId: 'c1', recipeId: 'medkit' });
    expect(other.idempotencyKey).not.toBe(first.idempotencyKey);
    // done: the next identical intent is a new one; the other keeps its key
    keys.done(first);
    const again = keys.keyed({ characterId: 'c1', recipeId: 'stim' });
    expect(again.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(keys.keyed({ characterId: 'c1', recipeId: 'medkit' }).idempotencyKey).toBe(
      other.idempotencyKey,
    );
    expect(again).toEqual({
      characterId: 'c1',
      recipeId: 'stim',
      idempotencyKey: again.idempotencyKey,
    });
  });
});
