/**
 * Zone leases for one process without Redis (`pnpm start`): it is the only
 * process, so every zone is free for it, nothing expires and its writes need no
 * fencing in PostgreSQL (`fenced` is false). Tokens still grow per zone.
 */
import {
  ZONE_LEASE_TTL_MS,
  encodeLeaseValue,
  type HeldZoneLease,
  type ZoneDirectory,
  type ZoneLeases,
  type ZoneOwnerInfo,
} from './zone-lease';

export class MemoryZoneLeases implements ZoneLeases, ZoneDirectory {
  readonly fenced = false;
  readonly ttlMs = ZONE_LEASE_TTL_MS;
  private readonly held = new Map<string, HeldZoneLease>();
  private readonly tokens = new Map<string, number>();

  constructor(
    readonly ownerId: string,
    readonly url: string,
  ) {}

  tryAcquire(zoneId: string): Promise<HeldZoneLease | null> {
    if (this.held.has(zoneId)) return Promise.resolve(null);
    const token = (this.tokens.get(zoneId) ?? 0) + 1;
    this.tokens.set(zoneId, token);
    const owner: ZoneOwnerInfo = { ownerId: this.ownerId, url: this.url, token };
    const lease: HeldZoneLease = { ...owner, zoneId, value: encodeLeaseValue(owner) };
    this.held.set(zoneId, lease);
    return Promise.resolve(lease);
  }

  renew(lease: HeldZoneLease): Promise<boolean> {
    return Promise.resolve(this.held.get(lease.zoneId)?.value === lease.value);
  }

  release(lease: HeldZoneLease): Promise<boolean> {
    if (this.held.get(lease.zoneId)?.value !== lease.value) return Promise.resolve(false);
    this.held.delete(lease.zoneId);
    return Promise.resolve(true);
  }

  raiseTokenFloor(zoneId: string, floor: number): Promise<void> {
    if ((this.tokens.get(zoneId) ?? 0) < floor) this.tokens.set(zoneId, floor);
    return Promise.resolve();
  }

  ownerOf(zoneId: string): Promise<ZoneOwnerInfo | null> {
    const lease = this.held.get(zoneId);
    return Promise.resolve(
      lease ? { ownerId: lease.ownerId, url: lease.url, token: lease.token } : null,
    );
  }
}
