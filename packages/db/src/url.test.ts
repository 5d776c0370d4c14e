import { describe, expect, it } from 'vitest';
import { pgConfigFromUrl, withDatabase } from './url';

describe('pgConfigFromUrl', () => {
  it('splits a TCP URL into pg’s fields', () => {
    expect(pgConfigFromUrl('postgresql://necp:s%40cret@db.internal:6543/game')).toEqual({
      host: 'db.internal',
      port: 6543,
      user: 'necp',
      password: 's@cret',
      database: 'game',
    });
  });

  it('takes a Unix socket directory, percent-encoded as the host, and keeps it in withDatabase', () => {
    const url = 'postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/test';
    expect(pgConfigFromUrl(url)).toMatchObject({ host: '/var/run/postgresql', port: 5432 });
    expect(pgConfigFromUrl(withDatabase(url, 'other'))).toMatchObject({
      host: '/var/run/postgresql',
      database: 'other',
    });
  });
});
