import { describe, expect, it } from 'vitest';
import { CharacterNameSchema } from '@necp/shared';
import { nameKey, nameRefusal } from './name-policy';

describe('nameRefusal', () => {
  it.each([
    'admin',
    'ADMIN',
    'Ad-min',
    'Game-Master',
    'gamemaster',
    'Arasaka',
    'TYGER-CLAWS',
    'ncpd',
  ])('refuses the reserved name %s', (name) =>
    expect(nameRefusal(name)).toBe('That name is reserved'),
  );

  it.each(['fuck', 'FuckYou', 'Fu-ck', 'Sh1t', 'B1tch', 'Whore'])(
    'refuses the offensive name %s',
    (name) => expect(nameRefusal(name)).toBe('That name is not allowed'),
  );

  it.each([
    'Johnny',
    'Cassandra',
    'Assassin',
    'Scunthorpe',
    'Bassist',
    'Admiral',
    'Mod-ern',
    'Jo-Ann',
    'V3x',
  ])('allows %s', (name) => expect(nameRefusal(name)).toBeNull());

  it('keys names case-insensitively but keeps hyphens significant', () => {
    expect(nameKey('JoAnn')).toBe(nameKey('joann'));
    expect(nameKey('Jo-Ann')).not.toBe(nameKey('JoAnn'));
  });
});

describe('CharacterNameSchema (the shape rules the domain relies on)', () => {
  it.each([
    ['ab', 'Name must be at least 3 characters'],
    ['a'.repeat(17), 'Name must be at most 16 characters'],
    ['Jo Ann', 'Name may contain letters, digits and one hyphen'],
    ['Jo-An-n', 'Name may contain only one hyphen'],
    ['-Joan', 'Name cannot start or end with a hyphen'],
    ['123', 'Name must contain a letter'],
  ])('rejects %j', (name, message) => {
    const r = CharacterNameSchema.safeParse(name);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });
});
