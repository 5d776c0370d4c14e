import { describe, expect, it } from 'vitest';
import {
  CONTRACT_ACTIONS,
  CONTRACT_ACTORS,
  CONTRACT_STATES,
  CONTRACT_TRANSITIONS,
  isFinal,
  transition,
  type ContractState,
} from './contract-states';

/** The table the issue describes, written out by hand: [from, action, actor, to]. */
const ALLOWED: readonly [ContractState, string, string, ContractState][] = [
  ['posted', 'accept', 'other', 'accepted'],
  ['posted', 'cancel', 'poster', 'cancelled'],
  ['posted', 'expire', 'system', 'expired'],
  ['accepted', 'deliver', 'taker', 'delivered'],
  ['accepted', 'abandon', 'taker', 'failed'],
  ['accepted', 'miss_deadline', 'system', 'failed'],
  ['delivered', 'confirm', 'poster', 'confirmed'],
  ['delivered', 'dispute', 'poster', 'disputed'],
  ['delivered', 'auto_release', 'system', 'confirmed'],
  ['disputed', 'rule', 'moderator', 'arbitrated'],
];

describe('contract transitions', () => {
  it('every state × action × actor: exactly the allowed moves go through', () => {
    let refused = 0;
    for (const s of CONTRACT_STATES)
      for (const a of CONTRACT_ACTIONS)
        for (const who of CONTRACT_ACTORS) {
          const allowed = ALLOWED.find(([f, act, by]) => f === s && act === a && by === who);
          const r = transition(s, a, who);
          if (allowed) expect(r, `${s} ${a} ${who}`).toEqual({ ok: true, to: allowed[3] });
          else {
            expect(r.ok, `${s} ${a} ${who}`).toBe(false);
            refused++;
          }
        }
    expect(refused).toBe(
      CONTRACT_STATES.length * CONTRACT_ACTIONS.length * CONTRACT_ACTORS.length - ALLOWED.length,
    );
  });

  it('a move of someone else is not_yours; a move the state lacks is not_now', () => {
    expect(transition('posted', 'accept', 'poster')).toEqual({ ok: false, reason: 'not_yours' });
    expect(transition('delivered', 'dispute', 'taker')).toEqual({ ok: false, reason: 'not_yours' });
    expect(transition('confirmed', 'dispute', 'poster')).toEqual({ ok: false, reason: 'not_now' });
    expect(transition('auto_release' as never, 'confirm', 'poster').ok).toBe(false);
  });

  it('every state is reached, and the final ones are exactly those with no way out', () => {
    const reached = new Set<ContractState>(['posted']);
    for (const moves of Object.values(CONTRACT_TRANSITIONS))
      for (const m of Object.values(moves)) reached.add(m!.to);
    expect([...reached].sort()).toEqual([...CONTRACT_STATES].sort());
    expect(CONTRACT_STATES.filter(isFinal).sort()).toEqual(
      ['arbitrated', 'cancelled', 'confirmed', 'expired', 'failed'].sort(),
    );
  });
});
