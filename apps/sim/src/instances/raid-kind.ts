/**
 * The raid as an instance kind (instance-kind.ts; docs/instances.md "Raid entry",
 * "The raid encounter"): the shared PvE run (pve-kind.ts) as it is — no group
 * backfill, a leaver free to queue at once — and an entry that needs a
 * quantum_sync_token (the handshake checks it against InstanceHost.raidOf).
 */
import type { InstanceKind } from './instance-kind';
import { PveRun } from './pve-kind';

export const raidKind: InstanceKind = {
  syncTokenEntry: true,
  open: (ctx) => new PveRun(ctx, 'raid'),
};
