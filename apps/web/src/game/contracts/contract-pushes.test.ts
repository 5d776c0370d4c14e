import { describe, expect, it } from 'vitest';
import { isContractProgress } from './contract-pushes';

describe('contract:progress as the sim sends it', () => {
  it('takes a count within what the contract asks', () => {
    expect(isContractProgress({ contractId: 'c1', progress: 2, quantity: 5 })).toBe(true);
    expect(isContractProgress({ contractId: 'c1', progress: 5, quantity: 5 })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of [
      null,
      'c1',
      {},
      { contractId: '', progress: 1, quantity: 2 },
      { contractId: 'c1', progress: 3, quantity: 2 },
      { contractId: 'c1', progress: -1, quantity: 2 },
      { contractId: 'c1', progress: 1.5, quantity: 2 },
      { contractId: 'c1', progress: '1', quantity: 2 },
      { contractId: 7, progress: 1, quantity: 2 },
    ])
      expect(isContractProgress(bad)).toBe(false);
  });
});
