import type { CharacterPosition } from '@necp/game';
import { MAX_QUEUED_INPUTS, type ZoneConnection } from './player';
import { applyStats, statsMsg } from './player-stats';
import { attach, attachedPlayer, depart, detach, remove } from './zone-arrivals';
import type { CommandOf, ZoneCommandKind, ZoneCommandResults } from './zone-commands';
import type { InboxEntry } from './zone-inbox';
import { INPUTS_FULL, NOT_IN_ZONE, YOU_ARE_DEAD } from '../net/refusals';
import { respawn } from './zone-respawn';
import type { ZoneState } from './zone-state';

/** How one kind of command changes the zone, and what its caller is answered. */
type Handler<K extends ZoneCommandKind> = (
  z: ZoneState,
  cmd: CommandOf<K>,
  conn: ZoneConnection,
) => ZoneCommandResults[K];

/**
 * Every command a zone applies, by kind (zone-commands.ts lists them): a new kind is
 * a line in ZoneCommand, ZoneCommandResults and here, and the compiler asks for all three.
 * Handlers run inside the tick, from the inbox only (zone-intake.ts).
 */
const HANDLERS: { [K in ZoneCommandKind]: Handler<K> } = {
  attach: (z, cmd, conn) => {
    // what the writer had not flushed yet is read once, here, and recorded
    if (cmd.saved === undefined && !z.players.has(cmd.character.id))
      (cmd as { saved?: CharacterPosition | null }).saved =
        z.saves.latest(cmd.character.id) ?? null;
    return attach(z, cmd.character, conn, cmd.stats, {
      at: cmd.at,
      from: cmd.carry,
      sendWelcome: cmd.sendWelcome,
      saved: cmd.saved,
    });
  },
  detach: (z, cmd, conn) => detach(z, cmd.characterId, conn),
  depart: (z, cmd, conn) => depart(z, cmd.characterId, conn, cmd.to, cmd.handover),
  remove: (z, cmd) => remove(z, cmd.characterId),
  move: (z, cmd, conn) => {
    const p = attachedPlayer(z, cmd.characterId, conn);
    if (!p) return { ok: false, refusal: NOT_IN_ZONE };
    if (p.combat.dead) return { ok: false, refusal: YOU_ARE_DEAD };
    if (p.inputs.length >= MAX_QUEUED_INPUTS) return { ok: false, refusal: INPUTS_FULL };
    p.inputs.push(cmd.input);
    return { ok: true };
  },
  // combat:use: validated and resolved (or its cast started) now
  use: (z, cmd, conn) => {
    const p = attachedPlayer(z, cmd.characterId, conn);
    if (!p) return { ok: false, refusal: NOT_IN_ZONE };
    return z.combat.use(p, cmd.use.ability, cmd.use.target, cmd.use.viewTick);
  },
  // combat:cancel: stops the cast in progress (false: none, or not attached)
  cancel: (z, cmd, conn) => {
    const p = attachedPlayer(z, cmd.characterId, conn);
    return p ? z.combat.interrupt(p) : false;
  },
  respawn: (z, cmd, conn) => respawn(z, cmd.characterId, conn),
  // a consumable: up to the maximum, reported like a self-heal (0: dead, full, or not here)
  heal: (z, cmd) => {
    const p = z.players.get(cmd.characterId);
    return !p || p.combat.dead ? 0 : z.combat.healDirect(p, cmd.amount);
  },
  nearby: (z, cmd) => z.players.near(cmd.characterId, cmd.range),
  // new derived stats (gear, weight, level): movement and combat use them from the next
  // tick; the zone owns health while the character is here (HealthUpdate says what of it)
  stats: (z, cmd) => {
    const p = z.players.get(cmd.characterId);
    if (!p) return undefined;
    // another weapon in hand: whoever sees it is sent its description again
    if (applyStats(p, cmd.stats, cmd.health)) z.space.changes.redescribe(p.eid);
    return statsMsg(p, cmd.stats);
  },
  // another title on the nameplate: whoever sees it is sent its description again
  title: (z, cmd) => {
    const p = z.players.get(cmd.characterId);
    if (!p || p.title === cmd.title) return false;
    p.title = cmd.title;
    z.space.changes.redescribe(p.eid);
    return true;
  },
  team: (z, cmd) => {
    const p = z.players.get(cmd.characterId);
    if (!p) return false;
    p.team = cmd.team;
    return true;
  },
  // idempotent: a drop already shown keeps its eid; drops of other zones are ignored
  drop_add: (z, cmd) => z.objects.addDrop(cmd.drop),
  // picked up or expired: viewers see it leave on the next tick
  drop_remove: (z, cmd) => z.objects.removeDrop(cmd.dropId),
};

/** Applies one inbox entry to the zone; the result goes back to its caller. */
export function applyZoneCommand(
  z: ZoneState,
  { cmd, conn }: InboxEntry,
): ZoneCommandResults[ZoneCommandKind] {
  const handler = HANDLERS[cmd.k] as Handler<typeof cmd.k>;
  return handler(z, cmd as never, conn ?? NO_CONNECTION);
}

/** Commands from the database carry no connection; one that needs it then matches no player. */
const NO_CONNECTION: ZoneConnection = {
  id: '',
  welcome: () => undefined,
  snapshot: () => undefined,
};
