import { describe, expect, it } from 'vitest';
import { JoinQueueInputSchema, ReadyCheckAnswerSchema } from './matchmaking';

describe('edge schemas', () => {
  it('accept the three queue shapes', () => {
    expect(JoinQueueInputSchema.parse({ queue: 'arena', bracket: '3v3' })).toEqual({
      queue: 'arena',
      bracket: '3v3',
    });
    expect(
      JoinQueueInputSchema.parse({ queue: 'dungeon', role: 'tank', partyRoles: { c2: 'damage' } }),
    ).toMatchObject({ role: 'tank' });
    expect(JoinQueueInputSchema.parse({ queue: 'raid', role: 'support' }).queue).toBe('raid');
  });

  it.each([
    { queue: 'battleground' },
    { queue: 'arena', bracket: '2v2' },
    { queue: 'arena', bracket: '1v1', role: 'tank' },
    { queue: 'dungeon' },
    { queue: 'dungeon', role: 'healer' },
    { queue: 'dungeon', role: 'tank', partyRoles: { c2: 'dps' } },
    {
      queue: 'raid',
      role: 'tank',
      partyRoles: { a: 'tank', b: 'tank', c: 'tank', d: 'tank', e: 'tank' },
    },
    null,
    'arena',
  ])('refuse %j', (bad) => {
    expect(JoinQueueInputSchema.safeParse(bad).success).toBe(false);
  });

  it('refuse bad ids as party-role keys and match ids', () => {
    for (const id of ['', 'a b', '\u0000', 'x'.repeat(65), '../x', '\uD83D']) {
      expect(ReadyCheckAnswerSchema.safeParse({ matchId: id, accept: true }).success).toBe(false);
      expect(
        JoinQueueInputSchema.safeParse({
          queue: 'dungeon',
          role: 'tank',
          partyRoles: { [id]: 'tank' },
        }).success,
      ).toBe(false);
    }
    expect(ReadyCheckAnswerSchema.safeParse({ matchId: 'm1', accept: 'yes' }).success).toBe(false);
  });
});
