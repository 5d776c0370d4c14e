import { describe, expect, it } from 'vitest';
import { EffectTemplateSchema, type EffectTemplateInput } from '../content/ability-schema';
import {
  absorb,
  applyEffect,
  damageDealtFactor,
  damageTakenFactor,
  dueTicks,
  expireEffects,
  isSilenced,
  isStunned,
  speedFactor,
  tickAmount,
  type ActiveEffect,
} from './effects';

const fx = (o: Partial<EffectTemplateInput> & Pick<EffectTemplateInput, 'id' | 'kind'>) =>
  EffectTemplateSchema.parse({
    name: o.id,
    beneficial: false,
    durationMs: 5000,
    stacking: 'refresh',
    ...o,
  });

const bleed = fx({ id: 'bleed', kind: 'dot', tickMs: 1000, amount: 3, stacking: 'per_source' });
const burn = fx({
  id: 'burn',
  kind: 'dot',
  tickMs: 1000,
  amount: 2,
  stacking: 'stack',
  maxStacks: 3,
});
const poison = fx({ id: 'poison', kind: 'dot', tickMs: 1000, amount: 4, stacking: 'refresh' });
const stun = fx({ id: 'stun', kind: 'stun', durationMs: 2000, stacking: 'ignore' });
const shield = fx({ id: 'shield', kind: 'shield', amount: 30, beneficial: true });
const bigShield = fx({
  id: 'big_shield',
  kind: 'shield',
  amount: 10,
  stacking: 'stack',
  maxStacks: 2,
});

const apply = (list: readonly ActiveEffect[], t = bleed, src = 1, now = 0) =>
  applyEffect(list, t, src, now);

describe('applyEffect', () => {
  it('adds a fresh instance with its first tick one period out', () => {
    const { effects, applied } = apply([], poison, 7, 100);
    expect(effects).toHaveLength(1);
    expect(applied).toMatchObject({
      sourceEid: 7,
      stacks: 1,
      appliedAt: 100,
      expiresAt: 5100,
      nextTickAt: 1100,
      remaining: 0,
    });
  });

  it('refresh: one instance whose duration restarts, from any source, keeping its tick schedule', () => {
    const first = apply([], poison, 1, 0).effects;
    const { effects, applied } = apply(first, poison, 2, 2500);
    expect(effects).toHaveLength(1);
    expect(applied).toMatchObject({ sourceEid: 2, stacks: 1, expiresAt: 7500, nextTickAt: 1000 });
  });

  it('stack: adds stacks up to maxStacks and restarts the duration', () => {
    let list = apply([], burn, 1, 0).effects;
    list = apply(list, burn, 2, 1000).effects;
    list = apply(list, burn, 1, 2000).effects;
    const last = apply(list, burn, 1, 3000);
    expect(last.effects).toHaveLength(1);
    expect(last.applied).toMatchObject({ stacks: 3, expiresAt: 8000 });
  });

  it('per_source: one instance per source, each refreshing itself', () => {
    let list = apply([], bleed, 1, 0).effects;
    list = apply(list, bleed, 2, 1000).effects;
    expect(list.map((e) => e.sourceEid)).toEqual([1, 2]);
    list = apply(list, bleed, 1, 3000).effects;
    expect(list).toHaveLength(2);
    expect(list.find((e) => e.sourceEid === 1)?.expiresAt).toBe(8000);
    expect(list.find((e) => e.sourceEid === 2)?.expiresAt).toBe(6000);
  });

  it('ignore: an active instance blocks a new application; an expired one does not', () => {
    const list = apply([], stun, 1, 0).effects;
    const again = apply(list, stun, 2, 1000);
    expect(again.applied).toBeNull();
    expect(again.effects).toEqual(list);
    const later = apply(list, stun, 2, 2000);
    expect(later.applied).toMatchObject({ sourceEid: 2, expiresAt: 4000 });
  });

  it('refills a refreshed shield and adds to a stacking one (capped)', () => {
    let list = apply([], shield, 1, 0).effects;
    list = absorb(list, 20).effects;
    expect(list[0]?.remaining).toBe(10);
    expect(apply(list, shield, 1, 100).applied?.remaining).toBe(30);

    let big = apply([], bigShield, 1, 0).effects;
    big = apply(big, bigShield, 1, 0).effects;
    big = apply(big, bigShield, 1, 0).effects;
    expect(big[0]?.remaining).toBe(20);
  });
});

describe('expireEffects', () => {
  it('removes effects at their expiry and used-up shields', () => {
    const list = [
      ...apply([], poison, 1, 0).effects,
      ...apply([], stun, 1, 0).effects,
      { ...(apply([], shield, 1, 0).applied as ActiveEffect), remaining: 0 },
    ];
    const at2000 = expireEffects(list, 2000);
    expect(at2000.effects.map((e) => e.effect.id)).toEqual(['poison']);
    expect(at2000.expired.map((e) => e.effect.id)).toEqual(['stun', 'shield']);
    expect(expireEffects(list, 1999).effects).toHaveLength(2);
  });
});

describe('dueTicks', () => {
  it('counts ticks due by now, including one at the expiry moment, and catches up', () => {
    const e = apply([], poison, 1, 0).applied as ActiveEffect;
    expect(dueTicks(e, 999)).toEqual({ ticks: 0, nextTickAt: 1000 });
    expect(dueTicks(e, 1000)).toEqual({ ticks: 1, nextTickAt: 2000 });
    expect(dueTicks(e, 3500)).toEqual({ ticks: 3, nextTickAt: 4000 });
    // 5 s effect ticking each second: five ticks in all, none after expiry
    expect(dueTicks(e, 60_000)).toEqual({ ticks: 5, nextTickAt: 6000 });
  });

  it('never ticks non-periodic effects', () => {
    expect(dueTicks(apply([], stun, 1, 0).applied as ActiveEffect, 10_000).ticks).toBe(0);
  });

  it('scales a tick by stacks', () => {
    let list = apply([], burn, 1, 0).effects;
    list = apply(list, burn, 1, 0).effects;
    expect(tickAmount(list[0] as ActiveEffect)).toBe(4);
  });
});

describe('modifiers', () => {
  const slow = (m: number) => fx({ id: `slow_${m * 100}`, kind: 'slow', magnitude: m });
  it('speedFactor: the strongest slow wins', () => {
    expect(speedFactor([])).toBe(1);
    let list = apply([], slow(0.3)).effects;
    list = apply(list, slow(0.5)).effects;
    expect(speedFactor(list)).toBeCloseTo(0.5);
  });

  it('stun and silence', () => {
    const silence = fx({ id: 'hack', kind: 'silence' });
    expect(isStunned([])).toBe(false);
    expect(isStunned(apply([], stun).effects)).toBe(true);
    expect(isSilenced(apply([], stun).effects)).toBe(false);
    expect(isSilenced(apply([], silence).effects)).toBe(true);
  });

  it('damage taken and dealt factors: the strongest of each kind wins', () => {
    const dr = (m: number) => fx({ id: `dr_${m * 100}`, kind: 'damage_reduction', magnitude: m });
    const db = (m: number) => fx({ id: `db_${m * 100}`, kind: 'damage_boost', magnitude: m });
    let list = apply([], dr(0.2)).effects;
    list = apply(list, dr(0.4)).effects;
    list = apply(list, db(0.25)).effects;
    list = apply(list, db(0.1)).effects;
    expect(damageTakenFactor(list)).toBeCloseTo(0.6);
    expect(damageDealtFactor(list)).toBeCloseTo(1.25);
    expect(damageTakenFactor([])).toBe(1);
    expect(damageDealtFactor([])).toBe(1);
  });
});

describe('absorb', () => {
  it('soaks damage oldest shield first and drops used-up shields', () => {
    const other = fx({ id: 'other_shield', kind: 'shield', amount: 15 });
    let list = apply([], shield, 1, 0).effects;
    list = apply(list, other, 1, 0).effects;
    list = apply(list, poison, 1, 0).effects;
    const r = absorb(list, 40);
    expect(r.absorbed).toBe(40);
    expect(r.effects.map((e) => [e.effect.id, e.remaining])).toEqual([
      ['other_shield', 5],
      ['poison', 0],
    ]);
    const r2 = absorb(r.effects, 100);
    expect(r2.absorbed).toBe(5);
    expect(r2.effects.map((e) => e.effect.id)).toEqual(['poison']);
  });

  it('absorbs nothing without shields', () => {
    expect(absorb(apply([], poison).effects, 10).absorbed).toBe(0);
  });
});
