import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

const base = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/necp',
  SIM_TICKET_SECRET: 'x'.repeat(32),
};

describe('loadEnv', () => {
  it('applies defaults', () => {
    expect(loadEnv(base)).toEqual({
      ...base,
      SIM_PORT: 3001,
      SIM_CORS_ORIGIN: ['http://localhost:3000'],
      SIM_PUBLIC_URL: 'http://localhost:3001',
      LOG_LEVEL: 'info',
      SIM_NPCS: 'on',
      REDIS_PREFIX: 'necp',
      CHAT_FILTER_WORDS: [],
    });
  });

  it('DATABASE_URL: TLS and socket parameters pass; one pg would drop is refused by name', () => {
    const tls = 'postgresql://necp@db.example:5432/necp?sslmode=verify-full&application_name=sim';
    expect(loadEnv({ ...base, DATABASE_URL: tls }).DATABASE_URL).toBe(tls);
    expect(() =>
      loadEnv({ ...base, DATABASE_URL: 'postgresql://necp@db/necp?schema=game' }),
    ).toThrow(/DATABASE_URL[\s\S]*unsupported query parameter schema/);
    expect(() => loadEnv({ ...base, DATABASE_URL: 'mysql://x@db/necp' })).toThrow(/DATABASE_URL/);
  });

  it('REDIS_PREFIX names one deployment namespace: no separators', () => {
    expect(loadEnv({ ...base, REDIS_PREFIX: 'staging-2' }).REDIS_PREFIX).toBe('staging-2');
    expect(() => loadEnv({ ...base, REDIS_PREFIX: 'a:b' })).toThrow(/REDIS_PREFIX/);
  });

  it('SIM_ZONES lists live zone ids (unset: every live zone)', () => {
    expect(loadEnv(base).SIM_ZONES).toBeUndefined();
    expect(loadEnv({ ...base, SIM_ZONES: 'watson, westbrook' }).SIM_ZONES).toEqual([
      'watson',
      'westbrook',
    ]);
    expect(() => loadEnv({ ...base, SIM_ZONES: 'watson,atlantis' })).toThrow(/SIM_ZONES/);
    expect(() => loadEnv({ ...base, SIM_ZONES: ' , ' })).toThrow(/SIM_ZONES/);
  });

  it('SIM_ZONES=none: no open-world zone (a process for instances only)', () => {
    expect(loadEnv({ ...base, SIM_ZONES: 'none' }).SIM_ZONES).toEqual([]);
    expect(() => loadEnv({ ...base, SIM_ZONES: 'none,watson' })).toThrow(/SIM_ZONES/);
  });

  it('CHAT_FILTER_WORDS is a comma-separated list of plain words', () => {
    expect(
      loadEnv({ ...base, CHAT_FILTER_WORDS: ' gonk, corpo rat ,, ' }).CHAT_FILTER_WORDS,
    ).toEqual(['gonk', 'corpo rat']);
    expect(loadEnv(base).CHAT_FILTER_WORDS).toEqual([]);
    expect(() => loadEnv({ ...base, CHAT_FILTER_WORDS: 'ok,bad|regex' })).toThrow(
      /CHAT_FILTER_WORDS/,
    );
  });

  it('SIM_METRICS_TOKEN: unset (metrics off) or at least 16 printable characters', () => {
    expect(loadEnv(base).SIM_METRICS_TOKEN).toBeUndefined();
    expect(loadEnv({ ...base, SIM_METRICS_TOKEN: '' }).SIM_METRICS_TOKEN).toBeUndefined();
    const token = 'a'.repeat(16);
    expect(loadEnv({ ...base, SIM_METRICS_TOKEN: token }).SIM_METRICS_TOKEN).toBe(token);
    for (const bad of ['short', 'with spaces 0123456789', 'nul\u00000123456789abcdef'])
      expect(() => loadEnv({ ...base, SIM_METRICS_TOKEN: bad })).toThrow(/SIM_METRICS_TOKEN/);
  });

  it('SIM_NPCS is on or off', () => {
    expect(loadEnv({ ...base, SIM_NPCS: 'off' }).SIM_NPCS).toBe('off');
    expect(() => loadEnv({ ...base, SIM_NPCS: 'no' })).toThrow(/SIM_NPCS/);
  });

  it('SIM_SEED is an optional non-negative 31-bit integer (unset: random)', () => {
    expect(loadEnv(base).SIM_SEED).toBeUndefined();
    expect(loadEnv({ ...base, SIM_SEED: '' }).SIM_SEED).toBeUndefined();
    expect(loadEnv({ ...base, SIM_SEED: '42' }).SIM_SEED).toBe(42);
    expect(() => loadEnv({ ...base, SIM_SEED: '-1' })).toThrow(/SIM_SEED/);
    expect(() => loadEnv({ ...base, SIM_SEED: 'x' })).toThrow(/SIM_SEED/);
  });

  it('parses ports, origin lists, Redis, and treats empty strings as unset', () => {
    const env = loadEnv({
      ...base,
      SIM_PORT: '4001',
      SIM_CORS_ORIGIN: 'http://a.test, http://b.test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: '',
    });
    expect(env).toMatchObject({
      SIM_PORT: 4001,
      SIM_CORS_ORIGIN: ['http://a.test', 'http://b.test'],
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
    });
  });

  it('names every missing or invalid variable', () => {
    expect(() => loadEnv({ SIM_PORT: 'abc', SIM_TICKET_SECRET: 'short' })).toThrow(
      /DATABASE_URL[\s\S]*SIM_TICKET_SECRET|SIM_PORT/,
    );
    expect(() => loadEnv({ ...base, REDIS_URL: 'http://nope' })).toThrow(/REDIS_URL/);
  });
});
