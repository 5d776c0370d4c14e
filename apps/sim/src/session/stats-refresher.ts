import type { CharStatsMsg } from '@necp/shared';
import { loadCharacterStats, type CharacterStats, type GameDeps } from '@necp/game';
import type { SimSocket } from '../net/types';
import type { Zone } from '../zone/zone';

/**
 * Re-reads a character's gear and weight from the database, gives the zone the new
 * speed/health and tells the client (char:stats). Single-flight with one trailing
 * run: requests during a refresh share the next one, which starts after it and so
 * sees every change committed before the request.
 */
export class StatsRefresher {
  private running: Promise<CharStatsMsg> | undefined;
  private queued: Promise<CharStatsMsg> | undefined;

  constructor(
    private readonly deps: Pick<GameDeps, 'db'>,
    /** `zone`: where the character is when the refresh lands (it may ride the metro meanwhile) */
    private readonly target: { characterId: string; zone: () => Zone; socket: SimSocket },
  ) {}

  refresh(): Promise<CharStatsMsg> {
    if (!this.running) {
      this.running = this.load().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    const after = () => {
      this.queued = undefined;
      return this.refresh();
    };
    this.queued ??= this.running.then(after, after);
    return this.queued;
  }

  private async load(): Promise<CharStatsMsg> {
    const { characterId, zone, socket } = this.target;
    const stats = await loadCharacterStats(this.deps, characterId);
    // the zone owns health while the character is in the world: report its number
    const msg =
      (await zone().ask({ k: 'stats', characterId, stats, health: 'keep' })) ?? charStatsMsg(stats);
    socket.emit('char:stats', msg);
    return msg;
  }
}

/** char:stats from loaded stats (only the fields the client is told). */
export const charStatsMsg = (s: CharacterStats): CharStatsMsg => ({
  speed: s.speed,
  maxHealth: s.maxHealth,
  health: s.health,
  level: s.level,
  weight: s.weight,
  carryWeight: s.carryWeight,
});
