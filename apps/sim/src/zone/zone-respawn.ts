import { RESPAWN_DELAY_MS, RESPAWN_HEALTH_PCT, toCm, type RespawnResult } from '@necp/shared';
import { respawnPoint } from './death-and-respawn';
import type { Player, ZoneConnection } from './player';
import { attachedPlayer } from './zone-arrivals';
import type { RespawnOutcome } from './zone-commands';
import { defaultSpawn } from './zone-info';
import { NOT_DEAD, NOT_IN_ZONE, RESPAWN_TOO_SOON } from '../net/refusals';
import type { ZoneState } from './zone-state';

/** combat:respawn: a dead player, RESPAWN_DELAY_MS after death, back at the nearest medical centre. */
export function respawn(z: ZoneState, characterId: string, conn: ZoneConnection): RespawnOutcome {
  const p = attachedPlayer(z, characterId, conn);
  if (!p) return { ok: false, refusal: NOT_IN_ZONE };
  if (!p.combat.dead) return { ok: false, refusal: NOT_DEAD };
  if (z.noRespawn) return { ok: false, refusal: { code: 'INVALID_STATE', message: z.noRespawn } };
  if (z.clock.ms() < (p.combat.diedAt ?? 0) + RESPAWN_DELAY_MS)
    return { ok: false, refusal: RESPAWN_TOO_SOON };
  return { ok: true, data: respawnPlayer(z, p) };
}

/** Back to life at the nearest medical centre with RESPAWN_HEALTH_PCT health, saved at once. */
export function respawnPlayer(z: ZoneState, p: Player): RespawnResult {
  const at = respawnPoint(z.medicalCenters, p, defaultSpawn(z.info));
  p.x = at.x;
  p.y = at.y;
  p.inputs = [];
  z.space.moved(p);
  z.combat.revive(p, Math.ceil(p.maxHealth * RESPAWN_HEALTH_PCT));
  if (!z.saves.checkServicePoints(p)) z.saves.saveNow(p);
  // respawning inside an area counts as entering it
  p.areas = new Set();
  p.areasDirty = true;
  return { x: toCm(p.x), y: toCm(p.y), health: p.health };
}
