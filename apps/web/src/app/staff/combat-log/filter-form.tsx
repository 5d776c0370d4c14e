'use client';
/** The filter bar: character, zone, UTC time window, and quick "last N" windows. */
import { useState, type FormEvent } from 'react';
import { ZONES } from '@necp/shared';
import { EMPTY_FILTERS, parseUtc, toUtcFieldValue, type CombatLogFilters } from './filters';

const PRESETS = [
  { label: '15 min', ms: 15 * 60_000 },
  { label: '1 h', ms: 60 * 60_000 },
  { label: '24 h', ms: 24 * 60 * 60_000 },
] as const;

/** A URL time as a datetime-local value (seconds only when the link has them); '' when unreadable. */
function fieldValue(text: string): string {
  const at = parseUtc(text);
  if (!at) return '';
  const iso = at.toISOString();
  return at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0
    ? iso.slice(0, 16)
    : iso.slice(0, 19);
}

export function FilterForm({
  initial,
  busy,
  onApply,
}: {
  initial: CombatLogFilters;
  busy: boolean;
  onApply: (filters: CombatLogFilters) => void;
}) {
  const [f, setF] = useState<CombatLogFilters>(() => ({
    ...initial,
    since: fieldValue(initial.since) || initial.since,
    until: fieldValue(initial.until) || initial.until,
  }));
  const set = (key: keyof CombatLogFilters) => (value: string) =>
    setF((o) => ({ ...o, [key]: value }));
  const zones =
    ZONES.some((z) => z.id === f.zone) || !f.zone
      ? ZONES
      : [...ZONES, { id: f.zone, name: f.zone }];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };

  return (
    <form
      className="panel stafflog__filters"
      onSubmit={submit}
      aria-label="Combat log filters"
      data-testid="combat-log-filters"
    >
      <label className="field">
        <span className="field__label">Character</span>
        <input
          className="field__input"
          name="character"
          value={f.character}
          onChange={(e) => set('character')(e.target.value)}
          placeholder="any — name as source or target"
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label className="field">
        <span className="field__label">Zone</span>
        <select
          className="field__input"
          name="zone"
          value={f.zone}
          onChange={(e) => set('zone')(e.target.value)}
        >
          <option value="">All zones</option>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Since (UTC)</span>
        <input
          className="field__input"
          type="datetime-local"
          name="since"
          step={1}
          value={f.since}
          onChange={(e) => set('since')(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Until (UTC)</span>
        <input
          className="field__input"
          type="datetime-local"
          name="until"
          step={1}
          value={f.until}
          onChange={(e) => set('until')(e.target.value)}
        />
      </label>
      <div className="stafflog__actions">
        <div className="stafflog__presets" role="group" aria-label="Quick time windows">
          <span className="field__label">last</span>
          {PRESETS.map((p) => (
            <button
              key={p.label}
              type="button"
              className="stafflog__chip"
              disabled={busy}
              onClick={() => {
                const next = {
                  ...f,
                  since: toUtcFieldValue(new Date(Date.now() - p.ms)),
                  until: '',
                };
                setF(next);
                onApply(next);
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          disabled={busy}
          onClick={() => {
            setF(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          Clear
        </button>
        <button
          type="submit"
          className="btn btn--primary btn--small"
          disabled={busy}
          data-testid="combat-log-apply"
        >
          {busy ? 'Scanning…' : 'Scan log'}
        </button>
      </div>
    </form>
  );
}
