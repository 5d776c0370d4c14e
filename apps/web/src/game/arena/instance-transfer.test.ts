import { describe, expect, it } from 'vitest';
import { FIXTURE_MATCH_ID, transferEnter, transferLeave } from '../testing/arena-fixtures';
import { transferAction, transferText, transferView, welcomeEffects } from './instance-transfer';

const arenaZone = `arena-neon-pit--${FIXTURE_MATCH_ID}`;
const idle = { transferring: false, kicked: false, stopped: false };

describe('instance:transfer → reconnect', () => {
  it('reconnects for a transfer', () => {
    expect(transferAction(idle)).toBe('reconnect');
  });

  it('ignores a repeat while one is under way, and anything after the session ended', () => {
    expect(transferAction({ ...idle, transferring: true })).toBe('ignore');
    expect(transferAction({ ...idle, kicked: true })).toBe('ignore');
    expect(transferAction({ ...idle, stopped: true })).toBe('ignore');
  });
});

describe('what the transition says', () => {
  it('names where you are going', () => {
    expect(transferText(transferView(transferEnter(), 0))).toEqual({
      kicker: 'Match found · arena',
      title: 'Entering Neon Pit Arena…',
    });
    expect(transferText(transferView(transferLeave(), 0))).toEqual({
      kicker: 'Match over',
      title: 'Returning to Watson…',
    });
    expect(transferText({ ...transferLeave(), reason: 'left' }).kicker).toBe('Leaving the arena');
    expect(transferText({ ...transferLeave(), reason: 'closed' }).kicker).toBe('Instance closed');
  });

  it('starts running, not arrived', () => {
    expect(transferView(transferLeave(), 1234)).toMatchObject({
      direction: 'leave',
      reason: 'finished',
      startedAt: 1234,
      arrived: false,
    });
    expect(transferView(transferEnter(), 0).reason).toBeNull();
  });
});

describe('a zone:welcome', () => {
  it('ends a transfer under way, wherever it landed', () => {
    const s = { transferring: true, arenaMatchId: null };
    expect(welcomeEffects(arenaZone, s).endTransfer).toBe(true);
    expect(welcomeEffects('watson', s).endTransfer).toBe(true);
    expect(welcomeEffects('watson', { ...s, transferring: false }).endTransfer).toBe(false);
  });

  it('keeps the scoreboard in its own instance (a reconnect) and clears it elsewhere', () => {
    const inMatch = { transferring: false, arenaMatchId: FIXTURE_MATCH_ID };
    expect(welcomeEffects(arenaZone, inMatch).clearArena).toBe(false);
    expect(welcomeEffects('watson', inMatch).clearArena).toBe(true);
    expect(welcomeEffects('arena-neon-pit--another-match', inMatch).clearArena).toBe(true);
    expect(welcomeEffects('watson', { ...inMatch, arenaMatchId: null }).clearArena).toBe(false);
  });
});
