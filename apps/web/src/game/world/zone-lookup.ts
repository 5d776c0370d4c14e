/**
 * A zone id as the client meets it — in a welcome, a friend's presence, a party
 * frame — is an open-world district ('watson') or an instance matchmaking opened
 * ('arena-neon-pit--<matchId>'): these resolve both, so nothing that names or
 * describes a zone assumes it is one of the districts.
 */
import {
  instanceContent,
  parseInstanceZoneId,
  zoneById,
  type InstanceTemplate,
  type ZoneContent,
} from '@necp/shared';

/** The content of a district or of an instance (its template's, under the instance id). */
export function zoneContentById(id: string): ZoneContent | undefined {
  const district = zoneById(id);
  if (district) return district;
  const inst = parseInstanceZoneId(id);
  return inst ? instanceContent(inst.template, inst.matchId) : undefined;
}

/** An instance (arena, dungeon, raid) of a match: no metro, no respawn at a clinic, its own HUD. */
export function instanceOf(
  id: string | null | undefined,
): { kind: InstanceTemplate['kind']; matchId: string; templateId: string } | null {
  if (!id) return null;
  const inst = parseInstanceZoneId(id);
  return inst
    ? { kind: inst.template.kind, matchId: inst.matchId, templateId: inst.template.content.id }
    : null;
}

export const isInstanceZone = (id: string | null | undefined): boolean => instanceOf(id) !== null;

/** A zone's name for people ("Neon Pit Arena", not its match id); the id when unknown. */
export const zoneDisplayName = (id: string): string => zoneContentById(id)?.name ?? id;

const KIND_LABEL: Record<InstanceTemplate['kind'], string> = {
  arena: 'Arena',
  dungeon: 'Dungeon',
  raid: 'Raid',
};

/** The line under a zone's arrival banner: a district's levels, an instance's kind. */
export function zoneBannerSub(id: string): string | undefined {
  const inst = instanceOf(id);
  if (inst) return `${KIND_LABEL[inst.kind]} · instance`;
  const zone = zoneById(id);
  return zone ? `District · levels ${zone.minLevel}–${zone.maxLevel}` : undefined;
}

/** The banner that says which district (or instance) you just arrived in. */
export function districtBanner(zone: { id: string; name: string }, at: number) {
  const sub = zoneBannerSub(zone.id);
  return {
    areaId: zone.id,
    name: zone.name,
    at,
    district: true,
    ...(sub ? { sub } : {}),
  };
}
