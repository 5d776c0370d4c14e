// Zones across processes: leases (Redis or memory), who owns what, fencing in PostgreSQL.
export {
  ZONE_LEASE_TTL_MS,
  ZONE_LEASE_RENEW_MS,
  ZONE_LEASE_ACQUIRE_MS,
  type ZoneLeases,
  type ZoneDirectory,
  type ZoneOwnerInfo,
  type HeldZoneLease,
} from './zone-lease';
export {
  RedisZoneLeases,
  RedisZoneDirectory,
  zoneLeaseKey,
  zoneTokenKey,
} from './redis-zone-leases';
export { MemoryZoneLeases } from './memory-zone-leases';
export { awaitZoneOwner, simUrlForZone, zoneStarting } from './zone-directory';
export {
  assertZoneOwner,
  claimZone,
  claimZoneOwnership,
  isCurrentOwner,
  isStaleZoneOwner,
  ownsZoneSql,
  staleZoneOwner,
  type ZoneClaim,
  type ZoneFence,
} from './zone-ownership';
