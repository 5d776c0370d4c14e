import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseStored, parseStoredText } from './redis-values';

const Point = z.object({ x: z.int(), y: z.int() });

function heard() {
  const reasons: string[] = [];
  return { reasons, onBad: (r: string) => void reasons.push(r) };
}

describe('parseStored: JSON read back from Redis', () => {
  it('reads a stored value through its schema', () => {
    const h = heard();
    expect(parseStored(Point, '{"x":1,"y":2}', h.onBad)).toEqual({ x: 1, y: 2 });
    expect(parseStored(z.number(), '-1250', h.onBad)).toBe(-1250);
    expect(h.reasons).toEqual([]);
  });

  it('a missing key is absent, and nobody hears of it', () => {
    const h = heard();
    expect(parseStored(Point, null, h.onBad)).toBeUndefined();
    expect(parseStored(Point, undefined, h.onBad)).toBeUndefined();
    expect(h.reasons).toEqual([]);
  });

  it('refuses what is not JSON, half a value, or another shape — never throws', () => {
    const h = heard();
    expect(parseStored(Point, 'garbage', h.onBad)).toBeUndefined();
    expect(parseStored(Point, '{"x":1,"y"', h.onBad)).toBeUndefined();
    expect(parseStored(Point, '{"x":1,"y":"2"}', h.onBad)).toBeUndefined();
    expect(parseStored(Point, 'null', h.onBad)).toBeUndefined();
    expect(parseStored(Point, '{"__proto__":{"x":1},"y":2}', h.onBad)).toBeUndefined();
    expect(h.reasons).toHaveLength(5);
    expect(h.reasons.slice(0, 2)).toEqual(['not JSON', 'not JSON']);
    expect(h.reasons[2]).toMatch(/^y: /);
    expect(parseStored(Point, 'garbage')).toBeUndefined(); // no one to tell: still no throw
  });
});

describe('parseStoredText: a plain string read back from Redis', () => {
  const Cursor = z
    .string()
    .regex(/^\d{1,20}$/)
    .transform((s) => BigInt(s));

  it('reads what JSON cannot carry exactly', () => {
    expect(parseStoredText(Cursor, '9007199254740993')).toBe(9007199254740993n);
  });

  it('refuses what the schema refuses, and says why', () => {
    const h = heard();
    expect(parseStoredText(Cursor, '12abc', h.onBad)).toBeUndefined();
    expect(parseStoredText(Cursor, null, h.onBad)).toBeUndefined();
    expect(h.reasons).toHaveLength(1);
  });
});
