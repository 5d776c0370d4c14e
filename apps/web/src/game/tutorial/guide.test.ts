import { describe, expect, it } from 'vitest';
import { TUTORIAL_STEPS, type GuideTarget } from '@necp/shared';
import { guideMark, type GuideWorld } from './guide';

const target = (id: string): GuideTarget => TUTORIAL_STEPS.find((s) => s.id === id)!.guide!;
const world = (o: Partial<GuideWorld> = {}): GuideWorld => ({
  zoneId: 'watson',
  self: { x: 256, y: 256 },
  npcs: [],
  drops: [],
  ...o,
});

describe('guideMark', () => {
  it('points at the marked spot and at Regina', () => {
    expect(guideMark(target('walk'), world())).toEqual({ x: 260, y: 274, label: 'Plaza Edge' });
    expect(guideMark(target('turn_in'), world())).toMatchObject({ label: 'Regina Jones' });
  });

  it('points at the nearest living punk in view, else where the punks live', () => {
    const npcs = [
      { x: 300, y: 300, templateId: 'tyger_claws_punk' },
      { x: 262, y: 262, templateId: 'tyger_claws_punk', dead: true },
      { x: 258, y: 258, templateId: 'watson_scavenger' },
      { x: 280, y: 270, templateId: 'tyger_claws_punk' },
    ];
    expect(guideMark(target('fight'), world({ npcs }))).toMatchObject({ x: 280, y: 270 });
    expect(guideMark(target('fight'), world())).toMatchObject({ x: 286, y: 282 });
  });

  it('points at the nearest tag on the ground, and at nothing before one dropped', () => {
    const drops = [
      { x: 290, y: 290, templateId: 'welcome_gang_tag' },
      { x: 257, y: 257, templateId: 'stim_basic' },
      { x: 270, y: 270, templateId: 'welcome_gang_tag' },
    ];
    expect(guideMark(target('loot'), world({ drops }))).toMatchObject({ x: 270, y: 270 });
    expect(guideMark(target('loot'), world())).toBeNull();
  });

  it('points at nothing in another zone, or without a target', () => {
    expect(guideMark(target('walk'), world({ zoneId: 'westbrook' }))).toBeNull();
    expect(guideMark(null, world())).toBeNull();
  });
});
