/**
 * fast-check arbitraries of hostile input, for the fuzz suites of the tRPC
 * procedures and the sim's socket events (test-only; nothing in production imports
 * this folder): wrong types, huge and ill-formed strings, NUL, lone surrogates,
 * extreme numbers, deep nesting, arrays where objects belong, prototype-pollution keys.
 */
import fc from 'fast-check';

/** Strings that broke something somewhere, once. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'x\u0000',
  '\u0000\u0000\u0000',
  '\uD83D', // lone high surrogate
  '\uDE42', // lone low surrogate
  'a\uDE42\uD83Db', // a reversed pair
  '🙂'.repeat(40),
  '\t\r\n',
  '\u001b[31mred',
  '\u202Eevil',
  '\uFEFF',
  'x'.repeat(65),
  '%00',
  "' OR '1'='1",
  'DROP TABLE "User";--',
  '../../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(40),
  '999999999999999:9999999999999999999',
  '1:-1',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '0000-00-00',
];

export const NASTY_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  0.5,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  8.64e15,
  8.64e15 + 1,
];

export interface BadValueOptions {
  /** length of the huge strings (keep under the transport's frame limit) */
  hugeLength?: number;
  /** only what survives JSON (sockets): no bigint, Map, Set, undefined members */
  json?: boolean;
}

const hugeStrings = (n: number) =>
  fc.constantFrom('x'.repeat(n), '\u0000'.repeat(n), '\uD83D'.repeat(n), `${'a'.repeat(n)}\u0000`);

export function badString(opts: BadValueOptions = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    {
      arbitrary: fc
        .tuple(
          fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
          fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0007'),
          fc.string({ unit: 'grapheme-ascii', maxLength: 4 }),
        )
        .map(([a, b, c]) => a + b + c),
      weight: 5,
    },
    { arbitrary: hugeStrings(opts.hugeLength ?? 100_000), weight: 1 },
  );
}

export const badNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 3 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
);

/** Objects or arrays nested `depth` levels deep. */
function nested(kind: 'object' | 'array', depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v];
  return v;
}
export const deepNesting: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom('object' as const, 'array' as const), fc.integer({ min: 20, max: 1000 }))
  .map(([kind, depth]) => nested(kind, depth));

/** Objects whose own keys are `__proto__`, `constructor`, `prototype` (as JSON.parse makes them). */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(
    '{"__proto__":{"polluted":"yes","isAdmin":true,"role":"ADMIN"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"__proto__":null}',
    '{"__proto__":[1,2,3],"characterId":{"__proto__":{"polluted":"yes"}}}',
    '{"prototype":{"polluted":"yes"},"toString":"x","valueOf":1,"hasOwnProperty":"x"}',
  )
  .map((json) => JSON.parse(json) as Record<string, unknown>);

/** Any one hostile value. */
export function badValue(opts: BadValueOptions = {}): fc.Arbitrary<unknown> {
  const anything = fc.anything({
    maxDepth: 3,
    maxKeys: 6,
    withBigInt: !opts.json,
    withDate: true,
    withMap: !opts.json,
    withSet: !opts.json,
    withNullPrototype: true,
    withSparseArray: !opts.json,
    withBoxedValues: !opts.json,
  });
  return fc.oneof(
    { arbitrary: badString(opts), weight: 5 },
    { arbitrary: badNumber, weight: 3 },
    {
      arbitrary: fc.constantFrom<unknown>(
        null,
        undefined,
        true,
        false,
        [],
        {},
        new Date(Number.NaN),
        new Date(8.64e15),
      ),
      weight: 2,
    },
    { arbitrary: anything, weight: 2 },
    { arbitrary: deepNesting, weight: 1 },
    { arbitrary: pollutingObject, weight: 1 },
    ...(opts.json
      ? []
      : [
          {
            arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }) as fc.Arbitrary<unknown>,
            weight: 1,
          },
        ]),
  );
}

/**
 * Objects with the keys an input expects (each present or not), each holding a
 * plausible value from `pool` (real ids, so calls reach past the schema where they
 * can) or a hostile one, sometimes with prototype-pollution keys mixed in.
 */
export function badRecord(
  keys: readonly string[],
  pool: Readonly<Record<string, readonly unknown[]>>,
  opts: BadValueOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  // ill-formed strings get a weight of their own: ids and names are where they hurt
  const value = (key: string) => {
    const good = pool[key] ?? [];
    const bad = fc.oneof(
      { arbitrary: badString(opts), weight: 2 },
      { arbitrary: badValue(opts), weight: 1 },
    );
    return good.length > 0
      ? fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 1 }, { arbitrary: bad, weight: 1 })
      : bad;
  };
  const fields = Object.fromEntries(keys.map((k) => [k, value(k)] as const));
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        { arbitrary: pollutingObject, weight: 1 },
      ),
    )
    .map(([rec, extra]) => {
      const out: Record<string, unknown> = { ...rec };
      if (extra)
        for (const k of Object.keys(extra))
          Object.defineProperty(out, k, {
            value: extra[k],
            enumerable: true,
            configurable: true,
            writable: true,
          });
      return out;
    });
}

/** An input for something expecting an object with `keys`: mostly near misses, sometimes anything. */
export function badInput(
  keys: readonly string[],
  pool: Readonly<Record<string, readonly unknown[]>>,
  opts: BadValueOptions = {},
): fc.Arbitrary<unknown> {
  const rec = badRecord(keys, pool, opts);
  return fc.oneof(
    { arbitrary: rec, weight: 6 },
    { arbitrary: badValue(opts), weight: 2 },
    { arbitrary: fc.array(rec, { maxLength: 3 }), weight: 1 },
  );
}
