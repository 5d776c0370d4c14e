'use client';
/** Derived numbers (from attributes, level and equipped, unbroken items), each with a testid. */
import { DAMAGE_TYPES, type CharacterSheet } from '@necp/shared';
import { fmtKg } from '../items/weight-bar';

interface Row {
  name: string;
  label: string;
  value: number;
  text: string;
  hint?: string;
  tone?: 'warn';
}

export function StatsSection({ s }: { s: CharacterSheet }) {
  const st = s.stats;
  const over = s.weight.carried > s.weight.limit;
  const rows: Row[] = [
    {
      name: 'maxHealth',
      label: 'Health',
      value: st.maxHealth,
      text: `${s.health} / ${st.maxHealth}`,
    },
    {
      name: 'damage',
      label: 'Damage',
      value: st.damageMax,
      text: `${st.damageMin}–${st.damageMax}`,
      hint: st.damageType,
    },
    {
      name: 'attackSpeed',
      label: 'Attacks / s',
      value: st.attackSpeed,
      text: st.attackSpeed.toFixed(2),
    },
    { name: 'range', label: 'Reach', value: st.range, text: `${st.range} m` },
    {
      name: 'critChance',
      label: 'Crit chance',
      value: st.critChance,
      text: `${Math.round(st.critChance * 100)}%`,
    },
    { name: 'armor', label: 'Armour', value: st.armor, text: String(st.armor) },
    {
      name: 'carryWeight',
      label: 'Carry weight',
      value: st.carryWeight,
      text: `${fmtKg(s.weight.carried)} / ${fmtKg(st.carryWeight)} kg`,
      hint: over ? `speed ×${s.weight.speedFactor.toFixed(2)}` : undefined,
      tone: over ? 'warn' : undefined,
    },
    {
      name: 'moveSpeed',
      label: 'Move speed',
      value: st.moveSpeed,
      text: `${Math.round(st.moveSpeed * s.weight.speedFactor * 100)}%`,
    },
  ];
  return (
    <section className="sheet__section" aria-label="Combat stats">
      <h3 className="sheet__h">Combat</h3>
      <dl className="statlist">
        {rows.map((r) => (
          <div
            key={r.name}
            className={`statlist__row${r.tone ? ` statlist__row--${r.tone}` : ''}`}
            data-testid={`stat-${r.name}`}
            data-value={r.value}
          >
            <dt>{r.label}</dt>
            <dd>
              {r.text}
              {r.hint && <span className={`statlist__hint dmg--${r.hint}`}>{r.hint}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="sheet__h">Resistances</h3>
      <ul className="resists">
        {DAMAGE_TYPES.map((d) => (
          <li
            key={d}
            className={`resists__chip dmg--${d}`}
            data-testid={`stat-resist-${d}`}
            data-value={st.resist[d]}
          >
            <span>{d}</span>
            <b>{st.resist[d]}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}
