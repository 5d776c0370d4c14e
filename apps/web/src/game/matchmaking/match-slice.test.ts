import { describe, expect, it } from 'vitest';
import type { MatchStatusMsg } from '@necp/shared';
import { createGameStore } from '../store/game-store';

describe('the match slice', () => {
  it('leaving keeps a penalty; an answer on its way holds the buttons', () => {
    const store = createGameStore();
    const s = store.getState();
    const queued: MatchStatusMsg = {
      reason: 'queued',
      status: {
        state: 'queued',
        queue: 'dungeon',
        enqueuedAt: 1,
        waitedMs: 0,
        estimatedWaitMs: null,
        memberIds: ['me'],
      },
      penaltyMs: 60_000,
    };
    s.matchStatus(queued);
    expect(store.getState().match.status.state).toBe('queued');
    const penaltyUntil = store.getState().match.penaltyUntil;
    expect(penaltyUntil).not.toBeNull();
    s.matchAnswering(true);
    expect(store.getState().match.answering).toBe(true);
    s.matchLeft();
    expect(store.getState().match).toMatchObject({
      status: { state: 'idle' },
      answering: true,
      penaltyUntil,
    });
    s.matchAnswering(false);
    expect(store.getState().match.answering).toBe(false);
  });
});
