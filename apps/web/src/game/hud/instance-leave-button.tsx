'use client';
/**
 * "Leave instance" under where you are, while you are in an arena, dungeon or raid:
 * a confirm says what it costs (a dungeon before its boss fell: a queue penalty),
 * then the sim sends you back (instances/instance-commands.ts).
 */
import { instanceOf } from '../world/zone-lookup';
import { useGameSession } from './game-session';
import { useGame } from './store-context';

export function InstanceLeaveButton() {
  const zoneId = useGame((s) => s.zone?.id ?? null);
  const moving = useGame((s) => s.transfer !== null);
  const { commands } = useGameSession();
  const inst = instanceOf(zoneId);
  if (!inst || moving) return null;
  return (
    <button
      type="button"
      className="btn btn--small btn--danger instance-leave"
      data-testid="instance-leave"
      data-kind={inst.kind}
      onClick={() => commands.instanceLeave()}
    >
      Leave {inst.kind}
    </button>
  );
}
