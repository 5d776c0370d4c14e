/**
 * The combat log's filters as they live in the URL (so a moderator can share a
 * link), and their translation into `moderation.combatLog` input. Times are UTC:
 * moderators in different time zones must read the same link the same way.
 */
import type { RouterInputs } from '@necp/api';

type ReadCombatLogInput = RouterInputs['moderation']['combatLog'];

export interface CombatLogFilters {
  /** character name (source or target) */
  character: string;
  zone: string;
  /** UTC, `YYYY-MM-DD[THH:MM[:SS[.mmm]]][Z]` */
  since: string;
  until: string;
}

export const EMPTY_FILTERS: CombatLogFilters = { character: '', zone: '', since: '', until: '' };

const KEYS = ['character', 'zone', 'since', 'until'] as const;

type SearchParams = Record<string, string | string[] | undefined>;

/** Filters from the page's search params: the first value of each, trimmed; unknown keys ignored. */
export function parseFilters(params: SearchParams): CombatLogFilters {
  const out = { ...EMPTY_FILTERS };
  for (const key of KEYS) {
    const v = params[key];
    out[key] = (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
  }
  return out;
}

/** `?character=…&zone=…` for the non-empty filters, or '' when there are none. */
export function filtersToSearch(filters: CombatLogFilters): string {
  const q = new URLSearchParams();
  for (const key of KEYS) {
    const v = filters[key].trim();
    if (v) q.set(key, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?Z?$/;

/**
 * A UTC time from the URL / a datetime-local field. `end` makes the bound inclusive
 * of what was left out: "until 09:05" covers all of 09:05, "until 2026-07-01" the whole day.
 * Undefined when the text is not such a time (or not a real date, e.g. Feb 30).
 */
export function parseUtc(text: string, end = false): Date | undefined {
  const m = UTC_TIME.exec(text.trim());
  if (!m) return undefined;
  // ".25" is 250 ms: pad the fraction before reading it as a number
  const [, y, mo, d, h, mi, s, ms] = m.map((p, i) =>
    p === undefined ? undefined : Number(i === 7 ? p.padEnd(3, '0') : p),
  );
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  const t = Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0, ms ?? 0);
  const date = new Date(t);
  // Date.UTC rolls over (Feb 30 → Mar 2, 25:00 → next day): refuse instead
  if (
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== mo - 1 ||
    date.getUTCDate() !== d ||
    date.getUTCHours() !== (h ?? 0) ||
    date.getUTCMinutes() !== (mi ?? 0)
  )
    return undefined;
  if (!end || ms !== undefined) return date;
  const slack = h === undefined ? 86_400_000 : s === undefined ? 60_000 : 1000;
  return new Date(t + slack - 1);
}

/** The query input for these filters, or a message saying which filter cannot be read. */
export function toCombatLogInput(
  filters: CombatLogFilters,
): { ok: true; input: Omit<ReadCombatLogInput, 'cursor'> } | { ok: false; message: string } {
  const input: Omit<ReadCombatLogInput, 'cursor'> = { limit: PAGE_SIZE };
  if (filters.character) input.characterName = filters.character;
  if (filters.zone) input.zoneId = filters.zone;
  for (const key of ['since', 'until'] as const) {
    if (!filters[key]) continue;
    const at = parseUtc(filters[key], key === 'until');
    if (!at)
      return {
        ok: false,
        message: `“${filters[key]}” is not a time we can read for “${key}”: use YYYY-MM-DD HH:MM (UTC).`,
      };
    input[key] = at;
  }
  return { ok: true, input };
}

export const PAGE_SIZE = 50;

/** A Date as the value of a datetime-local field showing UTC (`YYYY-MM-DDTHH:MM`). */
export const toUtcFieldValue = (d: Date) => d.toISOString().slice(0, 16);
