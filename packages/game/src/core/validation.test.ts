import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IdSchema } from '@necp/shared';
import { DomainError } from './errors';
import { parseInput } from './validation';

const Schema = z.object({ characterId: IdSchema });
const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('parseInput', () => {
  it('returns what the schema parsed', () => {
    expect(parseInput(Schema, { characterId: 'c1', extra: 1 })).toEqual({ characterId: 'c1' });
  });

  it('refuses as VALIDATION: the first issue, with its path, for the log and the player', () => {
    const e = refusal(() => parseInput(Schema, { characterId: 'c\u0000' }));
    expect(e).toMatchObject({
      code: 'VALIDATION',
      message: 'invalid input: characterId: Invalid id',
      userMessage: 'Invalid id',
    });
  });

  it('a given player message replaces the issue’s; the log still names the issue', () => {
    const e = refusal(() => parseInput(Schema, { characterId: '\uD800' }, 'Not a character.'));
    expect(e).toMatchObject({
      code: 'VALIDATION',
      message: 'invalid input: characterId: Invalid id',
      userMessage: 'Not a character.',
    });
  });
});
