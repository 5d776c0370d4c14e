import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  PAGE_SIZE,
  filtersToSearch,
  parseFilters,
  parseUtc,
  toCombatLogInput,
  toUtcFieldValue,
} from './filters';

describe('combat log filters in the URL', () => {
  it('reads the first value of each known key, trimmed', () => {
    expect(
      parseFilters({ character: [' Vee ', 'Jackie'], zone: 'watson', since: '', other: 'x' }),
    ).toEqual({ character: 'Vee', zone: 'watson', since: '', until: '' });
    expect(parseFilters({})).toEqual(EMPTY_FILTERS);
  });

  it('writes only the set filters, and round-trips', () => {
    const f = { character: 'Vee Silver', zone: '', since: '2026-07-01T09:00', until: '' };
    expect(filtersToSearch(f)).toBe('?character=Vee+Silver&since=2026-07-01T09%3A00');
    expect(parseFilters(Object.fromEntries(new URLSearchParams(filtersToSearch(f))))).toEqual(f);
    expect(filtersToSearch(EMPTY_FILTERS)).toBe('');
  });
});

describe('UTC times', () => {
  it('reads dates, minutes, seconds and milliseconds as UTC', () => {
    expect(parseUtc('2026-07-01')?.toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(parseUtc('2026-07-01T09:05')?.toISOString()).toBe('2026-07-01T09:05:00.000Z');
    expect(parseUtc('2026-07-01 09:05:07Z')?.toISOString()).toBe('2026-07-01T09:05:07.000Z');
    expect(parseUtc('2026-07-01T09:05:07.25')?.toISOString()).toBe('2026-07-01T09:05:07.250Z');
  });

  it('makes an end bound cover the minute, second or day it names', () => {
    expect(parseUtc('2026-07-01T09:05', true)?.toISOString()).toBe('2026-07-01T09:05:59.999Z');
    expect(parseUtc('2026-07-01T09:05:07', true)?.toISOString()).toBe('2026-07-01T09:05:07.999Z');
    expect(parseUtc('2026-07-01', true)?.toISOString()).toBe('2026-07-01T23:59:59.999Z');
    expect(parseUtc('2026-07-01T09:05:07.100', true)?.toISOString()).toBe(
      '2026-07-01T09:05:07.100Z',
    );
  });

  it('refuses what is not a real time', () => {
    for (const bad of ['yesterday', '2026-02-30', '2026-07-01T25:00', '2026-7-1', '1751360700'])
      expect(parseUtc(bad)).toBeUndefined();
  });

  it('formats a Date for a datetime-local field in UTC', () => {
    expect(toUtcFieldValue(new Date(Date.UTC(2026, 6, 1, 9, 5, 30)))).toBe('2026-07-01T09:05');
  });
});

describe('query input', () => {
  it('maps the filters to moderation.combatLog input', () => {
    expect(
      toCombatLogInput({
        character: 'Vee',
        zone: 'watson',
        since: '2026-07-01T09:00',
        until: '2026-07-01T10:00',
      }),
    ).toEqual({
      ok: true,
      input: {
        limit: PAGE_SIZE,
        characterName: 'Vee',
        zoneId: 'watson',
        since: new Date(Date.UTC(2026, 6, 1, 9)),
        until: new Date(Date.UTC(2026, 6, 1, 10, 0, 59, 999)),
      },
    });
    expect(toCombatLogInput(EMPTY_FILTERS)).toEqual({ ok: true, input: { limit: PAGE_SIZE } });
  });

  it('names the filter it cannot read', () => {
    const r = toCombatLogInput({ ...EMPTY_FILTERS, until: 'soon' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('“soon” is not a time we can read for “until”');
  });
});
