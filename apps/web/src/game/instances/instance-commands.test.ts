import { describe, expect, it } from 'vitest';
import type { Ack, InstanceLeaveResult } from '@necp/shared';
import { createGameStore } from '../store/game-store';
import { standInPushes } from '../testing/stand-in-pushes';
import { InstanceCommands } from './instance-commands';

// The game client's instance side, driven like the sim would: pushes and acks on a
// stand-in socket, the real store.

const MATCH = '11111111-1111-4111-8111-111111111111';
const DUNGEON = `dungeon-arasaka-vault--${MATCH}`;

function setup(answer: Ack<InstanceLeaveResult>) {
  const store = createGameStore();
  const sent: string[] = [];
  const { socket, pushes, emit, dropped } = standInPushes({
    connected: true,
    timeout: () => ({
      emitWithAck: (event: string) => {
        sent.push(event);
        return Promise.resolve(answer);
      },
    }),
  });
  const cmds = new InstanceCommands({ socket: () => socket, store });
  cmds.wire(pushes);
  const toasts = () => store.getState().toasts.map((t) => `${t.kind}:${t.text}`);
  return { store, cmds, emit, sent, toasts, dropped };
}

describe('instance commands', () => {
  it('asks before leaving: a dungeon before its boss fell warns of the penalty, after it not', () => {
    const { store, cmds, emit } = setup({
      ok: true,
      data: { zoneName: 'Watson', penaltyMs: null },
    });
    // not in an instance: nothing to leave
    store.setState({ zone: { id: 'watson', name: 'Watson' } });
    cmds.askToLeave();
    expect(store.getState().dialog).toBeNull();

    store.setState({ zone: { id: DUNGEON, name: 'Arasaka Data Vault' } });
    cmds.askToLeave();
    expect(store.getState().dialog).toMatchObject({ kind: 'confirm', danger: true });
    store.getState().setDialog(null);

    // another instance's clear changes nothing; this one's makes leaving free
    const cleared = { kind: 'dungeon', templateId: 'arasaka_vault', closeInMs: 120_000 };
    emit('instance:cleared', { ...cleared, matchId: 'other', name: 'x' });
    cmds.askToLeave();
    expect(store.getState().dialog).toMatchObject({ danger: true });
    emit('instance:cleared', { ...cleared, matchId: MATCH, name: 'Arasaka Data Vault' });
    cmds.askToLeave();
    const d = store.getState().dialog;
    expect(d?.kind === 'confirm' && d.danger).toBeFalsy();
  });

  it('confirming sends instance:leave and tells the penalty; a refusal is shown as it came', async () => {
    const ok = setup({ ok: true, data: { zoneName: 'Watson', penaltyMs: 300_000 } });
    ok.store.setState({ zone: { id: DUNGEON, name: 'Arasaka Data Vault' } });
    ok.cmds.askToLeave();
    const d = ok.store.getState().dialog;
    if (d?.kind !== 'confirm') throw new Error('no confirm');
    d.onConfirm();
    await Promise.resolve();
    await Promise.resolve();
    expect(ok.sent).toEqual(['instance:leave']);
    expect(ok.toasts()).toContain(
      'warn:You left before the boss fell: you can queue again in 5 min.',
    );

    const no = setup({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'You are not in an instance.' },
    });
    expect(await no.cmds.leave()).toBe(false);
    expect(no.toasts()).toEqual(['warn:You are not in an instance.']);
  });

  it('toasts the group’s changes and drops what is not a roster push', () => {
    const { emit, toasts, dropped } = setup({
      ok: true,
      data: { zoneName: 'Watson', penaltyMs: null },
    });
    emit('instance:roster', {
      matchId: MATCH,
      event: 'left',
      characterId: 'c1',
      name: 'Vex',
      role: 'damage',
      searching: true,
    });
    const vex = {
      matchId: MATCH,
      event: 'left',
      characterId: 'c1',
      name: 'Vex',
      role: null,
      searching: false,
    };
    for (const bad of [
      null,
      { event: 'left' },
      { ...vex, event: 'kicked' },
      { ...vex, role: 'healer' },
      { ...vex, searching: 'yes' },
      { ...vex, name: 3 },
    ])
      emit('instance:roster', bad);
    expect(dropped).toHaveLength(6);
    emit('instance:roster', {
      matchId: MATCH,
      event: 'joined',
      characterId: 'c2',
      name: 'Kai',
      role: 'tank',
      searching: false,
    });
    expect(toasts()).toEqual([
      'warn:Vex (damage) left the group: looking for a replacement…',
      'success:Kai (tank) joined the group.',
    ]);
  });
});
