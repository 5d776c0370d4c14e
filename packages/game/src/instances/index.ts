export {
  openInstance,
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
  recordDungeonCleared,
  RecordDungeonClearedInputSchema,
  type RecordDungeonClearedInput,
} from './dungeon-cleared';
