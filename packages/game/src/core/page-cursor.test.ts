import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isDomainError } from './errors';
import { BigIdPart, decodeCursor, encodeCursor, pageOf, TimeIdKey } from './page-cursor';

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isDomainError(e) && e.code === 'VALIDATION';
  }
  return false;
};

describe('the keyset page codec', () => {
  it('reads back the key it made', () => {
    const key = [Date.UTC(2026, 10, 30), 'cm3abc'] as const;
    expect(decodeCursor(encodeCursor(key), TimeIdKey)).toEqual(key);
    expect(decodeCursor(encodeCursor(['9223372036854775807']), z.tuple([BigIdPart]))).toEqual([
      '9223372036854775807',
    ]);
  });

  it('refuses a cursor it did not make for this key', () => {
    const wrong = [
      'not base64 json',
      encodeCursor([1]),
      encodeCursor(['a', 'b']),
      encodeCursor([1.5, 'a']),
      encodeCursor([-1, 'a']),
      encodeCursor([Date.UTC(10000, 0, 1), 'a']),
      encodeCursor([1, 'a b']),
      encodeCursor([1, 'a', 'extra']),
      Buffer.from('{"v":1,"id":"a"}').toString('base64url'),
    ];
    for (const c of wrong)
      expect(
        refused(() => decodeCursor(c, TimeIdKey)),
        c,
      ).toBe(true);
    for (const id of ['0', '9223372036854775808', '1e3'])
      expect(
        refused(() => decodeCursor(encodeCursor([id]), z.tuple([BigIdPart]))),
        id,
      ).toBe(true);
  });

  it('makes a page of limit items from limit + 1 rows, with a cursor only when more are left', () => {
    const rows = [
      { t: 3, id: 'c' },
      { t: 2, id: 'b' },
      { t: 1, id: 'a' },
    ];
    const key = (r: { t: number; id: string }) => [r.t, r.id];
    const page = pageOf(rows, 2, key, (r) => r.id);
    expect(page.items).toEqual(['c', 'b']);
    expect(decodeCursor(page.nextCursor!, TimeIdKey)).toEqual([2, 'b']);
    expect(pageOf(rows.slice(0, 2), 2, key, (r) => r.id)).toEqual({
      items: ['c', 'b'],
      nextCursor: null,
    });
    expect(pageOf([], 2, key, (r) => r)).toEqual({ items: [], nextCursor: null });
  });
});
