/**
 * A sim CPU profile grouped by owner: each sample is charged to the nearest frame on
 * its stack (leaf first) that belongs to one of the groups below; frames of no group
 * (Node internals, shared helpers, natives) are transparent and charge their caller.
 * A `writev` under ws-direct is "snapshot: write", a `JSON.stringify` under the frame
 * writer is "snapshot: diff + encode".
 */
import type { CpuProfile } from './window-profile';

export const OWNERS = [
  'snapshot: diff + encode',
  'snapshot: write (ws-direct, engine.io, ws)',
  'inputs: read, decode, Zod, handlers',
  'tick: inputs applied, movement, AOI, zone',
  'database and Redis',
  'garbage collection',
  'runtime, timers, natives (no JS owner)',
] as const;
export type Owner = (typeof OWNERS)[number];

interface Rule {
  owner: Owner;
  /** a substring of the frame's url */
  url?: string[];
  /** exact function names, whatever the url */
  fn?: string[];
}

// first matching rule wins for a frame, so the specific come before the broad
const RULES: Rule[] = [
  { owner: 'garbage collection', fn: ['(garbage collector)'] },
  {
    owner: 'snapshot: write (ws-direct, engine.io, ws)',
    url: ['/net/ws-direct', 'ws/lib/sender'],
    // engine.io's own send path (frames it queued) and the socket writes under any of them
    fn: [
      'sendPacket',
      'flush',
      'writev',
      'writeGeneric',
      'writevGeneric',
      'writeBuffer',
      'writeUtf8String',
    ],
  },
  {
    owner: 'snapshot: diff + encode',
    url: [
      'snapshot-codec',
      '/net/frame-writer',
      '/zone/view',
      '/zone/seen-table',
      '/zone/entity-changes',
    ],
    fn: ['sendSnapshot', 'diffView', 'writeFrame'],
  },
  {
    owner: 'inputs: read, decode, Zod, handlers',
    url: [
      'ws/lib/receiver',
      'ws/lib/buffer-util',
      'engine.io-parser',
      'socket.io-parser',
      'socket.io/dist',
      'engine.io/build',
      '/zod/',
      '/handlers/',
      '/net/',
      '/zone/zone-inbox',
      '/auth/',
    ],
  },
  {
    owner: 'database and Redis',
    url: [
      '@prisma',
      '/prisma/',
      '/pg-',
      '/pg/',
      'ioredis',
      '/zone/position-',
      'packages/db',
      'outbox',
    ],
  },
  {
    owner: 'tick: inputs applied, movement, AOI, zone',
    url: ['apps/sim/src/zone/', 'apps/sim/src/combat/', 'apps/sim/src/npc/', 'packages/game'],
  },
];

function ownerOf(fn: string, url: string): Owner | undefined {
  for (const r of RULES) {
    if (r.fn?.includes(fn)) return r.owner;
    if (url && r.url?.some((u) => url.includes(u))) return r.owner;
  }
  return undefined;
}

export interface OwnerShares {
  /** sampled ms on the main thread, idle excluded */
  busyMs: number;
  /** wall ms the profile covers */
  wallMs: number;
  /** each owner's share of busyMs, 0..1, in OWNERS order */
  shares: { owner: Owner; share: number }[];
}

export function ownerShares(profile: CpuProfile): OwnerShares {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // every node's owner once (a node is one stack), memoised through its parent
  const owner = new Map<number, Owner>();
  const resolve = (id: number): Owner => {
    const known = owner.get(id);
    if (known) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const mine = node && ownerOf(node.callFrame.functionName, node.callFrame.url);
    const o = mine ?? (p === undefined ? 'runtime, timers, natives (no JS owner)' : resolve(p));
    owner.set(id, o);
    return o;
  };
  const ms = new Map<Owner, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    busy += dt;
    const o = resolve(id);
    ms.set(o, (ms.get(o) ?? 0) + dt);
  });
  return {
    busyMs: busy,
    wallMs: (profile.endTime - profile.startTime) / 1000,
    shares: OWNERS.map((o) => ({ owner: o, share: busy > 0 ? (ms.get(o) ?? 0) / busy : 0 })),
  };
}

/** Plain-text lines for the console and for pasting into docs/perf.md. */
export function formatShares(s: OwnerShares): string[] {
  return [
    `main thread busy ${((s.busyMs / Math.max(1, s.wallMs)) * 100).toFixed(0)} % of ${(s.wallMs / 1000).toFixed(1)} s`,
    ...s.shares.map((x) => `  ${(x.share * 100).toFixed(0).padStart(3)} %  ${x.owner}`),
  ];
}

/**
 * For each named pattern, the share of busy samples with a frame on their stack whose
 * url or function name contains it (inclusive time: a request pipeline's stages, such
 * as the session check with the queries it makes). Shares overlap; they need not sum.
 */
export function inclusiveShares(
  profile: CpuProfile,
  patterns: Record<string, string[]>,
): { busyMs: number; shares: { name: string; share: number }[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = Object.keys(patterns);
  // which patterns each node's stack holds, memoised through its parent
  const memo = new Map<number, Set<string>>();
  const stackHas = (id: number): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const p = parent.get(id);
    const out = new Set(p === undefined ? [] : stackHas(p));
    const f = byId.get(id)?.callFrame;
    if (f)
      for (const name of names)
        if (patterns[name]!.some((x) => f.url.includes(x) || f.functionName === x)) out.add(name);
    memo.set(id, out);
    return out;
  };
  const ms = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (byId.get(id)?.callFrame.functionName === '(idle)') return;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    busy += dt;
    for (const name of stackHas(id)) ms.set(name, (ms.get(name) ?? 0) + dt);
  });
  return {
    busyMs: busy,
    shares: names.map((name) => ({ name, share: busy > 0 ? (ms.get(name) ?? 0) / busy : 0 })),
  };
}
