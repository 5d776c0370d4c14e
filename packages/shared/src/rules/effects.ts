/**
 * Status effects on a fighter: stacking, expiry, periodic ticks and the modifiers
 * they add up to. Pure: functions return new lists and never touch the clock (the
 * caller passes `now`), so the sim decides with them and the client can preview.
 */
import type { EffectTemplate } from '../content/ability-schema';

/** One effect on a fighter (the sim's EffectInstance is this type). */
export interface ActiveEffect {
  effect: EffectTemplate;
  /** eid of who applied it (per_source stacking, threat and kill credit from dots) */
  sourceEid: number;
  stacks: number;
  appliedAt: number;
  expiresAt: number;
  /** dot/hot: when it ticks next; other kinds: expiresAt */
  nextTickAt: number;
  /** shield: absorb left; 0 for other kinds */
  remaining: number;
}

export interface ApplyEffectResult {
  effects: ActiveEffect[];
  /** the instance created or refreshed; null when the application did nothing (`ignore`) */
  applied: ActiveEffect | null;
}

const periodic = (t: EffectTemplate) => (t.kind === 'dot' || t.kind === 'hot') && !!t.tickMs;

function fresh(t: EffectTemplate, sourceEid: number, now: number): ActiveEffect {
  const expiresAt = now + t.durationMs;
  return {
    effect: t,
    sourceEid,
    stacks: 1,
    appliedAt: now,
    expiresAt,
    nextTickAt: periodic(t) ? now + (t.tickMs ?? t.durationMs) : expiresAt,
    remaining: t.kind === 'shield' ? (t.amount ?? 0) : 0,
  };
}

/**
 * Applies `template` from `sourceEid` under its stacking rule (see ability-schema.ts):
 * refresh restarts the one instance (a shield refills); stack adds a stack up to
 * maxStacks and restarts it (a shield gains another `amount`); per_source keeps one
 * instance per source; ignore leaves an active instance alone. A refresh keeps the
 * tick schedule, so re-applying a dot cannot postpone its ticks.
 */
export function applyEffect(
  list: readonly ActiveEffect[],
  template: EffectTemplate,
  sourceEid: number,
  now: number,
): ApplyEffectResult {
  const same = (e: ActiveEffect) =>
    e.effect.id === template.id &&
    e.expiresAt > now &&
    (template.stacking !== 'per_source' || e.sourceEid === sourceEid);
  const i = list.findIndex(same);
  if (i < 0) {
    const added = fresh(template, sourceEid, now);
    return { effects: [...list, added], applied: added };
  }
  const old = list[i] as ActiveEffect;
  if (template.stacking === 'ignore') return { effects: [...list], applied: null };

  const stacks =
    template.stacking === 'stack' ? Math.min(template.maxStacks, old.stacks + 1) : old.stacks;
  const amount = template.amount ?? 0;
  const remaining =
    template.kind !== 'shield'
      ? 0
      : template.stacking === 'stack'
        ? Math.min(amount * template.maxStacks, old.remaining + amount)
        : amount;
  const expiresAt = now + template.durationMs;
  const next: ActiveEffect = {
    ...old,
    effect: template,
    sourceEid: template.stacking === 'per_source' ? old.sourceEid : sourceEid,
    stacks,
    expiresAt,
    nextTickAt: periodic(template) ? old.nextTickAt : expiresAt,
    remaining,
  };
  const effects = [...list];
  effects[i] = next;
  return { effects, applied: next };
}

/** Splits off effects whose time is up (and shields that are used up). */
export function expireEffects(
  list: readonly ActiveEffect[],
  now: number,
): { effects: ActiveEffect[]; expired: ActiveEffect[] } {
  const effects: ActiveEffect[] = [];
  const expired: ActiveEffect[] = [];
  for (const e of list) {
    const gone = e.expiresAt <= now || (e.effect.kind === 'shield' && e.remaining <= 0);
    (gone ? expired : effects).push(e);
  }
  return { effects, expired };
}

/**
 * How many ticks of a dot/hot fell due by `now` (a tick at the expiry moment
 * still counts: a 6 s effect ticking every second ticks six times), and when the
 * next one is. A slow server tick catches up on every missed one.
 */
export function dueTicks(e: ActiveEffect, now: number): { ticks: number; nextTickAt: number } {
  const every = e.effect.tickMs;
  if (!periodic(e.effect) || !every) return { ticks: 0, nextTickAt: e.nextTickAt };
  const until = Math.min(now, e.expiresAt);
  if (e.nextTickAt > until) return { ticks: 0, nextTickAt: e.nextTickAt };
  const ticks = Math.floor((until - e.nextTickAt) / every) + 1;
  return { ticks, nextTickAt: e.nextTickAt + ticks * every };
}

/** Damage (dot) or healing (hot) of one tick: amount × stacks. */
export const tickAmount = (e: ActiveEffect): number => (e.effect.amount ?? 0) * e.stacks;

const strongest = (list: readonly ActiveEffect[], kind: EffectTemplate['kind']) =>
  list.reduce((m, e) => (e.effect.kind === kind ? Math.max(m, e.effect.magnitude ?? 0) : m), 0);

/** Movement speed multiplier: the strongest slow wins (slows do not add up). */
export const speedFactor = (list: readonly ActiveEffect[]): number => 1 - strongest(list, 'slow');

export const isStunned = (list: readonly ActiveEffect[]): boolean =>
  list.some((e) => e.effect.kind === 'stun');

/** Silenced fighters cannot use `tech` abilities. */
export const isSilenced = (list: readonly ActiveEffect[]): boolean =>
  list.some((e) => e.effect.kind === 'silence');

/** Incoming damage multiplier: the strongest damage reduction wins. */
export const damageTakenFactor = (list: readonly ActiveEffect[]): number =>
  1 - strongest(list, 'damage_reduction');

/** Outgoing damage multiplier: the strongest damage boost wins. */
export const damageDealtFactor = (list: readonly ActiveEffect[]): number =>
  1 + strongest(list, 'damage_boost');

/**
 * Lets shields soak up to `amount` damage, oldest shield first. Returns how much
 * was absorbed and the list with the shields' remaining absorb lowered (used-up
 * shields are removed).
 */
export function absorb(
  list: readonly ActiveEffect[],
  amount: number,
): { absorbed: number; effects: ActiveEffect[] } {
  let left = Math.max(0, amount);
  const effects: ActiveEffect[] = [];
  for (const e of list) {
    if (e.effect.kind !== 'shield' || left === 0) {
      effects.push(e);
      continue;
    }
    const take = Math.min(left, e.remaining);
    left -= take;
    if (e.remaining - take > 0) effects.push({ ...e, remaining: e.remaining - take });
  }
  return { absorbed: Math.max(0, amount) - left, effects };
}
