/** How a combat log row reads in the moderators' table (pure; names from content). */
import { abilityById, effectById, zoneById } from '@necp/shared';
import type { RouterOutputs } from '@necp/api';

type CombatLogKind = RouterOutputs['moderation']['combatLog']['items'][number]['kind'];

/** `2026-07-01` and `09:00:01.250`, both UTC. */
export function utcParts(at: Date): { date: string; time: string } {
  const iso = at.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 23) };
}

export const zoneLabel = (id: string) => zoneById(id)?.name ?? id;

/**
 * The ability or effect a row names. The sim writes an ability id for direct
 * hits/heals and an effect id for ticks, applied effects and heal-over-time, so the
 * lookup order follows the kind; an id content no longer knows is shown as is.
 */
export function actionLabel(kind: CombatLogKind, id: string | null): string | null {
  if (!id) return null;
  const effectFirst = kind === 'tick' || kind === 'effect';
  const ability = abilityById(id)?.name;
  const effect = effectById(id)?.name;
  return (effectFirst ? (effect ?? ability) : (ability ?? effect)) ?? id;
}

export interface AmountView {
  text: string;
  tone: 'damage' | 'heal' | 'none';
}

/** Damage as −n, healing as +n; kinds without an amount (miss, effect, death, respawn) as a dash. */
export function amountView(kind: CombatLogKind, amount: number): AmountView {
  if (kind === 'hit' || kind === 'tick') return { text: `−${amount}`, tone: 'damage' };
  if (kind === 'heal') return { text: `+${amount}`, tone: 'heal' };
  return { text: '—', tone: 'none' };
}

export const KIND_LABEL: Record<CombatLogKind, string> = {
  hit: 'Hit',
  miss: 'Miss',
  heal: 'Heal',
  tick: 'Tick',
  effect: 'Effect',
  death: 'Death',
  respawn: 'Respawn',
};

export interface LogSummary {
  events: number;
  damage: number;
  crits: number;
  healing: number;
  deaths: number;
}

/** Totals over the rows on screen, for the readout above the table. */
export function summarize(
  rows: readonly { kind: CombatLogKind; amount: number; crit: boolean }[],
): LogSummary {
  const s: LogSummary = { events: rows.length, damage: 0, crits: 0, healing: 0, deaths: 0 };
  for (const r of rows) {
    if (r.kind === 'hit' || r.kind === 'tick') s.damage += r.amount;
    if (r.kind === 'heal') s.healing += r.amount;
    if (r.kind === 'death') s.deaths += 1;
    if (r.crit) s.crits += 1;
  }
  return s;
}
