export {
  openInstance,
  joinInstance,
  leaveInstance,
  closeInstance,
  findInstance,
  findInstanceOfMatch,
  type OpenInstanceInput,
  type InstanceCloseReason,
} from './instance-membership';
export { playZoneOf } from './play-zone';
export { SimLoadRegistry, type SimLoad } from './sim-load';
export {
  mintQuantumSyncToken,
  verifyQuantumSyncToken,
  groupDigest,
  QuantumSyncClaimsSchema,
  type QuantumSyncClaims,
  type QuantumSyncToken,
  type RaidEntry,
} from './raid-token';
export {
  recordInstanceCleared,
  RecordInstanceClearedInputSchema,
  type RecordInstanceClearedInput,
} from './instance-cleared';
export { notInInstance } from './errors';
