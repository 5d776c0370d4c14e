import { describe, expect, it } from 'vitest';
import { inclusiveShares, ownerShares } from './profile-owners';
import type { CpuProfile } from './window-profile';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
const SIM = 'file:///repo/apps/sim/src';

// (root) ─┬ step (zone.ts) ─┬ stepRecords (snapshot-codec) ─ stringify (native)
//         │                 └ sendFrame (ws-direct) ─ writeGeneric (node:net) ─ writev
//         ├ (garbage collector)
//         ├ (idle)
//         └ (program)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6, 7, 8] },
    { id: 2, callFrame: frame('step', `${SIM}/zone/zone.ts`), children: [3, 4] },
    {
      id: 3,
      callFrame: frame('stepRecords', 'file:///repo/packages/shared/src/net/snapshot-codec.ts'),
      children: [9],
    },
    { id: 4, callFrame: frame('sendFrame', `${SIM}/net/ws-direct.ts`), children: [5] },
    {
      id: 5,
      callFrame: frame('writeGeneric', 'node:internal/stream_base_commons'),
      children: [10],
    },
    { id: 6, callFrame: frame('(garbage collector)') },
    { id: 7, callFrame: frame('(idle)') },
    { id: 8, callFrame: frame('(program)') },
    { id: 9, callFrame: frame('stringify') },
    { id: 10, callFrame: frame('writev') },
  ],
  startTime: 0,
  endTime: 10_000,
  // ten samples 1 ms apart: stringify ×3, writev ×2, step ×1, gc ×1, idle ×2, program ×1
  samples: [9, 9, 9, 10, 10, 2, 6, 7, 7, 8],
  timeDeltas: Array(10).fill(1000),
};

describe('ownerShares', () => {
  it('charges natives and Node internals to the nearest owning frame and leaves idle out', () => {
    const s = ownerShares(profile);
    expect(s.busyMs).toBe(8);
    expect(s.wallMs).toBe(10);
    const share = Object.fromEntries(s.shares.map((x) => [x.owner, x.share]));
    expect(share['snapshot: diff + encode']).toBeCloseTo(3 / 8);
    expect(share['snapshot: write (ws-direct, engine.io, ws)']).toBeCloseTo(2 / 8);
    expect(share['tick: inputs applied, movement, AOI, zone']).toBeCloseTo(1 / 8);
    expect(share['garbage collection']).toBeCloseTo(1 / 8);
    expect(share['runtime, timers, natives (no JS owner)']).toBeCloseTo(1 / 8);
    expect(share['inputs: read, decode, Zod, handlers']).toBe(0);
  });
});

describe('inclusiveShares', () => {
  it('counts a sample for every named stage on its stack, callers included', () => {
    const s = inclusiveShares(profile, {
      step: ['step'],
      codec: ['snapshot-codec'],
      natives: ['writev', 'stringify'],
    });
    const share = Object.fromEntries(s.shares.map((x) => [x.name, x.share]));
    // step holds stringify ×3, writev ×2 and itself ×1 of 8 busy samples
    expect(share.step).toBeCloseTo(6 / 8);
    expect(share.codec).toBeCloseTo(3 / 8);
    expect(share.natives).toBeCloseTo(5 / 8);
  });
});
