import { describe, expect, it } from 'vitest';
import { itemUseText, questNotice, refusalText, reputationNotices } from './notices';

describe('questNotice', () => {
  it('counts progress on counted objectives and ticks off single ones', () => {
    expect(
      questNotice({
        questId: 'q_punk_problem',
        title: 'Punk Problem',
        kind: 'progress',
        objective: { id: 'punks', label: 'Tyger Claws punks dealt with', progress: 3, target: 5 },
      }),
    ).toEqual({ kind: 'info', text: 'Tyger Claws punks dealt with 3/5' });
    expect(
      questNotice({
        questId: 'q_x',
        title: 'X',
        kind: 'progress',
        objective: { id: 'go', label: 'Reach Watson Docks', progress: 1, target: 1 },
      }).text,
    ).toBe('Reach Watson Docks ✓');
  });

  it('says whom to return to when a quest is ready', () => {
    const n = questNotice({ questId: 'q_street_cred', title: 'Street Cred', kind: 'ready' });
    expect(n.kind).toBe('success');
    expect(n.text).toMatch(/^Quest ready: Street Cred — return to [A-Z]/);
    expect(questNotice({ questId: 'q_unknown', title: 'New Job', kind: 'ready' }).text).toBe(
      'Quest ready: New Job — turn it in',
    );
  });

  it('says why a quest failed when the reason is known', () => {
    expect(
      questNotice({ questId: 'q_x', title: 'Hot Potato', kind: 'failed', reason: 'timer' }),
    ).toEqual({ kind: 'error', text: 'Quest failed: Hot Potato — time ran out' });
    expect(questNotice({ questId: 'q_x', title: 'Odd', kind: 'failed', reason: '?' }).text).toBe(
      'Quest failed: Odd',
    );
  });
});

describe('reputationNotices', () => {
  it('small moves share a line (biggest first), each new tier is its own highlighted line', () => {
    const lines = reputationNotices({
      source: 'Tyger Claws Punk killed',
      changes: [
        {
          factionId: 'tyger_claws',
          factionName: 'Tyger Claws',
          delta: -10,
          standing: -10,
          tier: 'neutral',
          tierChanged: false,
        },
        {
          factionId: 'maelstrom',
          factionName: 'Maelstrom',
          delta: 5,
          standing: 5,
          tier: 'neutral',
          tierChanged: false,
        },
        {
          factionId: 'fixers',
          factionName: 'Fixer Network',
          delta: 250,
          standing: 3050,
          tier: 'friendly',
          tierChanged: true,
        },
        {
          factionId: 'nc',
          factionName: 'NCPD',
          delta: -40,
          standing: -3010,
          tier: 'unfriendly',
          tierChanged: true,
        },
        {
          factionId: 'none',
          factionName: 'Nobody',
          delta: 0,
          standing: 0,
          tier: 'neutral',
          tierChanged: false,
        },
      ],
    });
    expect(lines).toEqual([
      { kind: 'warn', text: '\u221210 Tyger Claws · +5 Maelstrom' },
      { kind: 'success', text: '+250 Fixer Network — now Friendly' },
      { kind: 'error', text: '\u221240 NCPD — now Unfriendly' },
    ]);
  });

  it('colours the shared line by its biggest move, and says nothing when nothing moved', () => {
    const change = (factionName: string, delta: number) => ({
      factionId: factionName.toLowerCase(),
      factionName,
      delta,
      standing: delta,
      tier: 'neutral',
      tierChanged: false,
    });
    expect(reputationNotices({ source: 'x', changes: [change('A', -2), change('B', 30)] })).toEqual(
      [{ kind: 'info', text: '+30 B · \u22122 A' }],
    );
    expect(reputationNotices({ source: 'x', changes: [change('A', 0)] })).toEqual([]);
  });
});

describe('item use and refusals', () => {
  it('names the heal, or just the use', () => {
    expect(itemUseText({ healed: 40 })).toBe('+40 health from');
    expect(itemUseText({ healed: 0 })).toBe('Used');
  });
  it("shows the server's words, with a fallback for an empty message", () => {
    expect(refusalText('You need to be at a metro station.', 'x')).toBe(
      'You need to be at a metro station.',
    );
    expect(refusalText('  ', 'The metro is not running.')).toBe('The metro is not running.');
  });
});
