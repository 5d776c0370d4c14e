import { describe, expect, it } from 'vitest';
import { PAGE_CURSOR_MAX, PageCursorSchema } from './page';

describe('PageCursorSchema', () => {
  it('takes base64url of bounded length and nothing else', () => {
    const ok = (c: string) => PageCursorSchema.safeParse(c).success;
    expect(ok(Buffer.from('[1,"a"]').toString('base64url'))).toBe(true);
    expect(ok('x'.repeat(PAGE_CURSOR_MAX))).toBe(true);
    for (const bad of [
      '',
      'x'.repeat(PAGE_CURSOR_MAX + 1),
      'a b',
      'a+b/c=',
      'a\u0000',
      '\uD800',
      '2090-01-01T00:00:00.000Z|z',
    ])
      expect(ok(bad), JSON.stringify(bad)).toBe(false);
  });
});
