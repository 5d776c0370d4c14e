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

  it('sends one intent under one key: a press while it is on its way, a try after a refusal', async () => {
    const keys = new IntentKeys();
    const seen: string[] = [];
    const answers: (() => void)[] = [];
    const slow = (sent: { idempotencyKey: string }) => {
      seen.push(sent.idempotencyKey);
      return new Promise<void>((r) => answers.push(r));
    };
    const first = keys.send({ characterId: 'c1', amount: 50 }, slow);
    const second = keys.send({ characterId: 'c1', amount: 50 }, slow);
    expect(seen[1]).toBe(seen[0]);
    for (const a of answers) a();
    await Promise.all([first, second]);
    // answered: the next deposit of 50 is another intent
    await keys.send({ characterId: 'c1', amount: 50 }, async (sent) => {
      seen.push(sent.idempotencyKey);
    });
    expect(seen[2]).not.toBe(seen[0]);
    // refused: nothing was done, so the try after it keeps the key
    await expect(
      keys.send({ characterId: 'c1', amount: 9 }, async (sent) => {
        seen.push(sent.idempotencyKey);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await keys.send({ characterId: 'c1', amount: 9 }, async (sent) => {
      seen.push(sent.idempotencyKey);
    });
    expect(seen[4]).toBe(seen[3]);
  });
});
