/**
 * Moving into or out of an instance (instance:transfer): what the transition says
 * and what the client does. The sim sends the message, then the character lives
 * in another zone — often on another sim process — so the client drops this
 * connection quietly and enters again: the fresh ticket names where it is now
 * (the same path as a zone that moved). Any next zone:welcome ends the transition.
 */
import type { InstanceTransferMsg } from '@necp/shared';
import { instanceOf } from '../world/zone-lookup';

/** The transition on screen (store `transfer`). */
export interface TransferView {
  direction: InstanceTransferMsg['direction'];
  kind: InstanceTransferMsg['kind'];
  zoneName: string;
  reason: InstanceTransferMsg['reason'] | null;
  /** Date.now() when it started */
  startedAt: number;
  /** the next zone:welcome arrived: the transition fades out */
  arrived: boolean;
}

/** the wipe plays at least this long (a blink would look like a glitch) */
export const MIN_TRANSFER_MS = 1500;
/** ...and fades out over this after the welcome (arena-transition.css animates the same span) */
export const TRANSFER_FADE_MS = 450;
/**
 * no welcome this long after the transfer: give the screen back (entering keeps
 * asking ~20 s while the instance's sim process starts; a failure shows its own error)
 */
export const TRANSFER_GIVE_UP_MS = 30_000;

/**
 * What to do with a transfer (parsed by net/push-receiver.ts): reconnect with a new
 * ticket, or ignore it (the session already ended, or one is under way: the socket
 * that said it has been dropped, so a repeat cannot come from the new one).
 */
export function transferAction(s: {
  transferring: boolean;
  kicked: boolean;
  stopped: boolean;
}): 'reconnect' | 'ignore' {
  if (s.kicked || s.stopped || s.transferring) return 'ignore';
  return 'reconnect';
}

export const transferView = (msg: InstanceTransferMsg, now: number): TransferView => ({
  direction: msg.direction,
  kind: msg.kind,
  zoneName: msg.zoneName,
  reason: msg.reason ?? null,
  startedAt: now,
  arrived: false,
});

const KIND_NAME: Record<InstanceTransferMsg['kind'], string> = {
  arena: 'arena',
  dungeon: 'dungeon',
  raid: 'raid',
};

/** "Entering Neon Pit Arena…" / "Returning to Watson…" and the small line above it. */
export function transferText(t: Pick<TransferView, 'direction' | 'kind' | 'zoneName' | 'reason'>): {
  kicker: string;
  title: string;
} {
  if (t.direction === 'enter')
    return { kicker: `Match found · ${KIND_NAME[t.kind]}`, title: `Entering ${t.zoneName}…` };
  const kicker =
    t.reason === 'finished'
      ? 'Match over'
      : t.reason === 'closed'
        ? 'Instance closed'
        : `Leaving the ${KIND_NAME[t.kind]}`;
  return { kicker, title: `Returning to ${t.zoneName}…` };
}

/**
 * What a zone:welcome does to the arena HUD: a transfer under way ends (we are
 * somewhere now, wherever that is), and the scoreboard and result of a match go
 * away outside that match's instance.
 */
export function welcomeEffects(
  welcomeZoneId: string,
  s: { transferring: boolean; arenaMatchId: string | null },
): { endTransfer: boolean; clearArena: boolean } {
  const inst = instanceOf(welcomeZoneId);
  return {
    endTransfer: s.transferring,
    clearArena: s.arenaMatchId !== null && inst?.matchId !== s.arenaMatchId,
  };
}
