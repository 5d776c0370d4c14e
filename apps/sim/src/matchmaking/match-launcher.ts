/**
 * What starts a confirmed match (everyone accepted its ready check): the instances
 * (apps/sim/src/instances) create the arena, dungeon or raid and move the players
 * there, and call SimMatchmaking.release when it closes. createSimServer takes one
 * as `launcher`; it is called exactly once per confirmed match, on the process
 * whose player gave the last accept.
 */
import type { ConfirmedMatch, Log } from '@necp/game';

export interface MatchLauncher {
  /** A failure is logged and the match released: its players are not left "in a match". */
  launch(match: ConfirmedMatch): Promise<void>;
}

/**
 * Without instances (no launcher given): the match is logged and released at once,
 * so its players are not stuck "in a match" until MATCH_CONFIRMED_TTL_MS.
 */
export function releasingLauncher(o: {
  log: Log;
  release: (matchId: string, message: string) => Promise<boolean>;
}): MatchLauncher {
  return {
    async launch(match) {
      o.log.warn(
        { matchId: match.matchId, queue: match.queue },
        'match confirmed but no launcher: released',
      );
      await o.release(
        match.matchId,
        'No instance could be opened for the match: you may queue again.',
      );
    },
  };
}
