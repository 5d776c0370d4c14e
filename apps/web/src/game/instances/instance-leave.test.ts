import { describe, expect, it, vi } from 'vitest';
import type { InstanceRosterMsg } from '@necp/shared';
import { leaveConfirm, leftText, rosterToast } from './instance-leave';

const roster = (o: Partial<InstanceRosterMsg> = {}): InstanceRosterMsg => ({
  matchId: 'm1',
  event: 'left',
  characterId: 'c1',
  name: 'Vex',
  role: 'damage',
  searching: true,
  ...o,
});

describe('leaving an instance', () => {
  it('warns that leaving a dungeon before the boss falls bars queueing; after it, leaving is free', () => {
    const go = vi.fn();
    const before = leaveConfirm('dungeon', false, go);
    expect(before).toMatchObject({ kind: 'confirm', danger: true, confirmLabel: 'Leave' });
    expect(before.message).toMatch(/bars you from queueing/);
    const after = leaveConfirm('dungeon', true, go);
    expect(after.danger).toBeUndefined();
    expect(after.message).not.toMatch(/queueing/);
    expect(leaveConfirm('arena', false, go).message).toMatch(/forfeit/);
    expect(leaveConfirm('raid', false, go).title).toBe('Leave the raid?');
    before.onConfirm();
    expect(go).toHaveBeenCalledOnce();
  });

  it('tells the penalty the sim gave, or just where you go', () => {
    expect(leftText({ zoneName: 'Watson', penaltyMs: 60_000 })).toEqual({
      kind: 'warn',
      text: 'You left before the boss fell: you can queue again in 1 min.',
    });
    expect(leftText({ zoneName: 'Watson', penaltyMs: null })).toEqual({
      kind: 'info',
      text: 'Leaving for Watson…',
    });
  });
});

describe('instance:roster', () => {
  it('toasts who left, the replacement found, and who joined', () => {
    expect(rosterToast(roster())).toEqual({
      kind: 'warn',
      text: 'Vex (damage) left the group: looking for a replacement…',
    });
    expect(rosterToast(roster({ searching: false }))).toEqual({
      kind: 'warn',
      text: 'Vex left the group.',
    });
    expect(rosterToast(roster({ event: 'found', name: 'Kai', role: 'tank' }))).toEqual({
      kind: 'info',
      text: 'Replacement found: Kai (tank) is on the way.',
    });
    expect(rosterToast(roster({ event: 'joined', name: 'Kai', role: null }))).toEqual({
      kind: 'success',
      text: 'Kai joined the group.',
    });
  });
});
