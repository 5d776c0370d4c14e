import { describe, expect, it } from 'vitest';
import type { DialogueOutcome, SkillCheckResult } from '@necp/shared';
import {
  chainText,
  checkOdds,
  checkRollText,
  checkTag,
  checkVerdict,
  countdown,
  isUrgent,
  objectiveFraction,
  objectiveText,
  outcomeLine,
  priceNote,
  signed,
} from './format';

const roll = (r: Partial<SkillCheckResult>): SkillCheckResult => ({
  roll: 10,
  modifier: 0,
  total: 10,
  difficulty: 12,
  success: false,
  critical: null,
  ...r,
});

describe('skill checks', () => {
  it('labels a choice with the attribute, DC, modifier and odds', () => {
    expect(
      checkTag({ label: 'Cool', attribute: 'cool', modifier: 0, difficulty: 8, chance: 0.65 }),
    ).toBe('Cool 8 · ±0 · 65%');
    expect(checkTag({ label: 'Cool', modifier: 2, difficulty: 12, chance: 0.55 })).toBe(
      'Cool 12 · +2 · 55%',
    );
    expect(checkTag({ label: 'Body', modifier: -2, difficulty: 16, chance: 0.05 })).toBe(
      'Body 16 · −2 · 5%',
    );
  });

  it('spells out the roll with the sign of the modifier', () => {
    expect(checkRollText(roll({ roll: 14, modifier: 2, total: 16, difficulty: 12 }))).toBe(
      'd20 14 + 2 = 16 vs DC 12',
    );
    expect(checkRollText(roll({ roll: 9, modifier: -2, total: 7, difficulty: 8 }))).toBe(
      'd20 9 − 2 = 7 vs DC 8',
    );
    expect(checkRollText(roll({ roll: 8, modifier: 0, total: 8, difficulty: 8 }))).toBe(
      'd20 8 + 0 = 8 vs DC 8',
    );
  });

  it('names criticals apart from plain results', () => {
    expect(checkVerdict(roll({ success: true }))).toBe('SUCCESS');
    expect(checkVerdict(roll({ success: false }))).toBe('FAILURE');
    expect(checkVerdict(roll({ roll: 20, success: true, critical: 'success' }))).toBe(
      'CRITICAL SUCCESS',
    );
    expect(checkVerdict(roll({ roll: 1, success: false, critical: 'failure' }))).toBe(
      'CRITICAL FAILURE',
    );
  });

  it('grades odds for colour at 75% and 40%', () => {
    expect(checkOdds(0.75)).toBe('safe');
    expect(checkOdds(0.74)).toBe('risky');
    expect(checkOdds(0.4)).toBe('risky');
    expect(checkOdds(0.35)).toBe('long');
  });
});

describe('dialogue outcomes', () => {
  const line = (o: DialogueOutcome) => outcomeLine(o);
  it('colours each kind of outcome', () => {
    expect(
      line({
        kind: 'check',
        checkId: 'regina_cred',
        label: 'Cool',
        result: roll({ roll: 14, modifier: 2, total: 16, success: true }),
      }),
    ).toEqual({ tone: 'good', text: 'Cool: d20 14 + 2 = 16 vs DC 12 — SUCCESS' });
    expect(
      line({
        kind: 'reputation',
        change: {
          factionId: 'fixers',
          factionName: 'Fixer Network',
          delta: 250,
          standing: 250,
          tier: 'neutral',
          tierChanged: false,
        },
      }),
    ).toEqual({ tone: 'good', text: 'Fixer Network +250' });
    expect(
      line({
        kind: 'reputation',
        change: {
          factionId: 'tyger_claws',
          factionName: 'Tyger Claws',
          delta: -1500,
          standing: -100,
          tier: 'unfriendly',
          tierChanged: true,
        },
      }).text,
    ).toBe('Tyger Claws −1,500 — now Unfriendly');
    expect(line({ kind: 'quest_started', questId: 'q_x', title: 'Street Cred' })).toEqual({
      tone: 'quest',
      text: 'Quest accepted: Street Cred',
    });
    expect(
      line({
        kind: 'quest_failed',
        questId: 'q_x',
        title: 'Keep the Peace',
        reason: 'You drew a gun',
      }).tone,
    ).toBe('bad');
    expect(
      line({
        kind: 'item',
        item: { templateId: 'stim_basic', name: 'MaxDoc', rarity: 'common', quantity: 2 },
      }).text,
    ).toBe('Received MaxDoc ×2');
    expect(line({ kind: 'paid', eddies: 200 })).toEqual({ tone: 'gold', text: 'Paid ¥200' });
    expect(line({ kind: 'flag', key: 'chain.bitw.jun_talked', value: 'paid' }).tone).toBe('info');
  });
});

describe('objectives', () => {
  it('shows counts only for counting objectives, capped at the target', () => {
    expect(objectiveText({ label: 'Tyger Claws punks dealt with', progress: 3, target: 5 })).toBe(
      'Tyger Claws punks dealt with 3/5',
    );
    expect(objectiveText({ label: 'Punks', progress: 7, target: 5 })).toBe('Punks 5/5');
    expect(objectiveText({ label: 'Introduce yourself to Dex', progress: 0, target: 1 })).toBe(
      'Introduce yourself to Dex',
    );
  });

  it('fills the bar by progress, full when done', () => {
    expect(objectiveFraction({ progress: 3, target: 5, done: false })).toBeCloseTo(0.6);
    expect(objectiveFraction({ progress: 0, target: 1, done: true })).toBe(1);
    expect(objectiveFraction({ progress: 9, target: 5, done: false })).toBe(1);
    expect(objectiveFraction({ progress: 0, target: 0, done: false })).toBe(0);
  });
});

describe('countdown', () => {
  const now = 1_000_000;
  it('formats days, hours, minutes and seconds as they matter', () => {
    expect(countdown(now + 2 * 86_400_000 + 4 * 3_600_000, now)).toBe('2d 4h');
    expect(countdown(now + 5 * 3_600_000 + 7 * 60_000, now)).toBe('5h 07m');
    expect(countdown(now + 12 * 60_000 + 4_000, now)).toBe('12:04');
    expect(countdown(now + 9_000, now)).toBe('0:09');
  });
  it('rounds partial seconds up and stops at zero', () => {
    expect(countdown(now + 1, now)).toBe('0:01');
    expect(countdown(now - 5_000, now)).toBe('0:00');
  });
  it('is urgent in the last minute only', () => {
    expect(isUrgent(now + 60_000, now)).toBe(true);
    expect(isUrgent(now + 60_001, now)).toBe(false);
  });
});

describe('prices and standing', () => {
  it('shows the standing discount or markup', () => {
    expect(priceNote(0.95, 'friendly')).toBe('−5% Friendly');
    expect(priceNote(0.85, 'revered')).toBe('−15% Revered');
    expect(priceNote(1.1, 'unfriendly')).toBe('+10% Unfriendly');
    expect(priceNote(1, 'neutral')).toBe('Standard prices');
    expect(priceNote(null, 'hostile')).toBe('Refuses to trade');
  });
  it('signs numbers with a real minus and groups thousands', () => {
    expect(signed(250)).toBe('+250');
    expect(signed(-10)).toBe('−10');
    expect(signed(0)).toBe('±0');
    expect(signed(12000)).toBe('+12,000');
  });
  it('names a chain step', () => {
    expect(chainText({ name: 'Blood in the Water', step: 2 }, 5)).toBe('Blood in the Water 2/5');
    expect(chainText({ name: 'Blood in the Water', step: 2 })).toBe('Blood in the Water · step 2');
  });
});
