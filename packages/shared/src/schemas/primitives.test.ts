import { describe, expect, it } from 'vitest';
import {
  ContentIdSchema,
  EmailSchema,
  IdSchema,
  InventoryDropSchema,
  ItemUseSchema,
  LoginInputSchema,
  RegisterInputSchema,
  TextSchema,
  isSafeText,
  isWellFormedText,
} from '../index';

const NUL = '\u0000';
const HIGH = '\uD83D'; // first half of 🙂
const LOW = '\uDE42'; // second half of 🙂

describe('TextSchema', () => {
  const text = TextSchema(20);

  it('accepts ordinary text, tabs and newlines, and well-formed emoji pairs', () => {
    for (const ok of ['hello', 'Ünïcødé', 'two\nlines\tand tab', '🙂🙂', `${HIGH}${LOW}`, ''])
      expect(text.safeParse(ok).success, JSON.stringify(ok)).toBe(true);
  });

  it('refuses NUL, other control characters and DEL/C1', () => {
    for (const bad of [NUL, `a${NUL}b`, 'bell\u0007', 'esc\u001b[31m', 'del\u007f', 'c1\u0085'])
      expect(text.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('refuses lone high and low surrogates anywhere, and reversed pairs', () => {
    for (const bad of [
      HIGH,
      LOW,
      `a${HIGH}`,
      `${LOW}a`,
      `${HIGH}a${LOW}`,
      `${LOW}${HIGH}`,
      `🙂${HIGH}`,
    ])
      expect(text.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('caps the length (in UTF-16 code units) and the minimum', () => {
    expect(text.safeParse('x'.repeat(20)).success).toBe(true);
    expect(text.safeParse('x'.repeat(21)).success).toBe(false);
    expect(TextSchema(5, { min: 1 }).safeParse('').success).toBe(false);
  });

  it('refuses a huge string with one issue, without scanning it', () => {
    const r = text.safeParse(`${NUL}${'x'.repeat(1_000_000)}`);
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]?.code).toBe('too_big');
  });

  it('agrees with String.prototype.isWellFormed', () => {
    const wf = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
    for (const s of [
      '',
      'a',
      '🙂',
      HIGH,
      LOW,
      `${LOW}${HIGH}`,
      `x${HIGH}${LOW}y`,
      `${HIGH}${HIGH}${LOW}`,
    ])
      expect(isWellFormedText(s), JSON.stringify(s)).toBe(wf(s));
    expect(isSafeText('ok')).toBe(true);
  });
});

describe('IdSchema', () => {
  it('accepts cuids and content ids', () => {
    for (const ok of [
      'cm3x9k2p10000abcd1234efgh',
      'stim_basic',
      'q_street_cred',
      'city-center',
      'x',
    ])
      expect(IdSchema.safeParse(ok).success, ok).toBe(true);
  });

  it('refuses empty, too long, NUL, surrogates, spaces and non-strings', () => {
    for (const bad of [
      '',
      'x'.repeat(65),
      `abc${NUL}`,
      `abc${HIGH}`,
      `${LOW}`,
      'a b',
      'a/b',
      'ä',
      1,
      null,
      {},
      [],
    ])
      expect(IdSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('ContentIdSchema takes lower-case content ids only', () => {
    expect(ContentIdSchema.safeParse('stim_basic').success).toBe(true);
    expect(ContentIdSchema.safeParse('Stim').success).toBe(false);
    expect(ContentIdSchema.safeParse('city-center').success).toBe(false);
  });
});

describe('edges built on them', () => {
  it('sign-up and sign-in refuse NUL and lone surrogates', () => {
    const good = {
      email: 'a@example.com',
      username: 'runner_1',
      password: 'correct horse battery',
    };
    expect(RegisterInputSchema.safeParse(good).success).toBe(true);
    for (const bad of [
      { ...good, email: `a${NUL}@example.com` },
      { ...good, email: `a${HIGH}@example.com` },
      { ...good, username: `runner${NUL}` },
      { ...good, password: `correct horse${NUL}battery` },
      { ...good, password: `correct horse ${LOW}battery` },
    ])
      expect(RegisterInputSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(LoginInputSchema.safeParse({ email: good.email, password: `pw${NUL}` }).success).toBe(
      false,
    );
    expect(EmailSchema.safeParse(`${'a'.repeat(10_000)}@example.com`).success).toBe(false);
  });

  it('item:use and inventory:drop refuse NUL and lone surrogates in itemId', () => {
    for (const itemId of [`i${NUL}`, `i${HIGH}`, `${LOW}`]) {
      expect(ItemUseSchema.safeParse({ itemId }).success).toBe(false);
      expect(InventoryDropSchema.safeParse({ itemId }).success).toBe(false);
    }
    expect(ItemUseSchema.safeParse({ itemId: 'cm3x9k2p10000abcd1234efgh' }).success).toBe(true);
  });
});
