/**
 * An item's stat bonuses as tooltip lines, and the comparison with what is worn
 * in the same slot (+/− deltas). Pure; works on the content template's `stats`.
 */
import type { ItemStats } from '@necp/shared';

export interface StatLine {
  key: string;
  label: string;
  /** formatted value of this item ('' when it has none of it) */
  text: string;
  value: number;
  /** this − equipped; undefined when there is nothing to compare with */
  delta?: number;
  deltaText?: string;
}

type Fmt = (n: number) => string;
const int: Fmt = (n) => String(Math.round(n));
const signed: Fmt = (n) => (n > 0 ? `+${int(n)}` : int(n));
const pct: Fmt = (n) => `${n > 0 ? '+' : ''}${Math.round(n * 1000) / 10}%`;
const plainPct: Fmt = (n) => `${Math.round(n * 1000) / 10}%`;
const dec: Fmt = (n) => (Math.round(n * 100) / 100).toString();
const signedDec: Fmt = (n) => (n > 0 ? `+${dec(n)}` : dec(n));

interface Def {
  key: string;
  label: string;
  get: (s: ItemStats) => number | undefined;
  fmt: Fmt;
  dfmt: Fmt;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const BASE: Def[] = [
  { key: 'damageMin', label: 'Damage min', get: (s) => s.damageMin, fmt: int, dfmt: signed },
  { key: 'damageMax', label: 'Damage max', get: (s) => s.damageMax, fmt: int, dfmt: signed },
  {
    key: 'attackSpeed',
    label: 'Attacks/s',
    get: (s) => s.attackSpeed,
    fmt: dec,
    dfmt: signedDec,
  },
  { key: 'range', label: 'Range m', get: (s) => s.range, fmt: dec, dfmt: signedDec },
  { key: 'armor', label: 'Armour', get: (s) => s.armor, fmt: int, dfmt: signed },
  { key: 'critChance', label: 'Crit', get: (s) => s.critChance, fmt: plainPct, dfmt: pct },
  { key: 'maxHealth', label: 'Max health', get: (s) => s.maxHealth, fmt: signed, dfmt: signed },
  {
    key: 'carryWeight',
    label: 'Carry kg',
    get: (s) => s.carryWeight,
    fmt: signedDec,
    dfmt: signedDec,
  },
  { key: 'moveSpeed', label: 'Move speed', get: (s) => s.moveSpeed, fmt: pct, dfmt: pct },
];

function defsFor(...all: (ItemStats | undefined)[]): Def[] {
  const resist = new Set<string>();
  const attrs = new Set<string>();
  for (const s of all) {
    for (const k of Object.keys(s?.resist ?? {})) resist.add(k);
    for (const k of Object.keys(s?.attributes ?? {})) attrs.add(k);
  }
  return [
    ...BASE,
    ...[...resist].map<Def>((k) => ({
      key: `resist.${k}`,
      label: `${cap(k)} resist`,
      get: (s) => (s.resist as Record<string, number | undefined> | undefined)?.[k],
      fmt: signed,
      dfmt: signed,
    })),
    ...[...attrs].map<Def>((k) => ({
      key: `attr.${k}`,
      label: cap(k),
      get: (s) => (s.attributes as Record<string, number | undefined> | undefined)?.[k],
      fmt: signed,
      dfmt: signed,
    })),
  ];
}

/**
 * Lines for `stats`; with `equipped` (the item worn in that slot, or `null` for an
 * empty slot) each line carries a delta, and stats only the worn item has appear
 * as losses.
 */
export function statLines(stats: ItemStats | undefined, equipped?: ItemStats | null): StatLine[] {
  const s = stats ?? {};
  const compare = equipped !== undefined;
  const e = equipped ?? {};
  const out: StatLine[] = [];
  for (const d of defsFor(s, e)) {
    const v = d.get(s);
    const ev = d.get(e);
    if (v === undefined && (!compare || ev === undefined)) continue;
    const value = v ?? 0;
    const line: StatLine = {
      key: d.key,
      label: d.label,
      value,
      text: v === undefined ? '—' : d.fmt(value),
    };
    if (compare) {
      const delta = value - (ev ?? 0);
      if (Math.abs(delta) > 1e-9) {
        line.delta = delta;
        line.deltaText = d.dfmt(delta);
      } else line.delta = 0;
    }
    out.push(line);
  }
  return out;
}

/** "12–18 thermal" for weapons. */
export function damageText(s: ItemStats | undefined): string | null {
  if (!s || s.damageMax === undefined) return null;
  return `${s.damageMin ?? 0}–${s.damageMax} ${s.damageType ?? 'physical'}`;
}
