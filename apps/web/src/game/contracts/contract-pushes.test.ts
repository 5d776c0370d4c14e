import type { ContractProgressMsg } from '@necp/shared';
import { describe, expect, it } from 'vitest';
import { standInPushes } from '../testing/stand-in-pushes';
import { contractPushes } from './contract-pushes';

function setup() {
  const heard: ContractProgressMsg[] = [];
  const sim = standInPushes();
  contractPushes((msg) => heard.push(msg)).wire(sim.pushes);
  return { ...sim, heard };
}

describe('contract:progress as the sim sends it', () => {
  it('hands on a count within what the contract asks', () => {
    const { emit, heard } = setup();
    emit('contract:progress', { contractId: 'c1', progress: 2, quantity: 5 });
    emit('contract:progress', { contractId: 'c1', progress: 5, quantity: 5 });
    expect(heard.map((m) => m.progress)).toEqual([2, 5]);
  });

  it('drops anything else', () => {
    const { emit, heard, dropped } = setup();
    const bad = [
      null,
      'c1',
      {},
      { contractId: '', progress: 1, quantity: 2 },
      { contractId: 'c1', progress: 3, quantity: 2 },
      { contractId: 'c1', progress: -1, quantity: 2 },
      { contractId: 'c1', progress: 1.5, quantity: 2 },
      { contractId: 'c1', progress: '1', quantity: 2 },
      { contractId: 7, progress: 1, quantity: 2 },
    ];
    for (const msg of bad) emit('contract:progress', msg);
    expect(heard).toEqual([]);
    expect(dropped).toHaveLength(bad.length);
  });
});
