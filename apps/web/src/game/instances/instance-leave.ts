/**
 * Leaving an instance early, and a dungeon group's changes (docs/instances.md
 * "Leaving and backfill"): what the confirm says before instance:leave, what the
 * player hears after it, and the toasts of instance:roster. Pure: the game
 * client's InstanceCommands uses them; unit-tested beside.
 */
import {
  formatWait,
  type GroupRole,
  type InstanceLeaveResult,
  type InstanceRosterMsg,
} from '@necp/shared';
import type { Dialog } from '../items/item-ui-slice';
import type { ToastKind } from '../hud/toast-slice';

type InstanceKind = 'arena' | 'dungeon' | 'raid';

/** The confirm before leaving: a dungeon before its boss fell bars you from queueing. */
export function leaveConfirm(
  kind: InstanceKind,
  cleared: boolean,
  onConfirm: () => void,
): Extract<Dialog, { kind: 'confirm' }> {
  const base = { kind: 'confirm' as const, confirmLabel: 'Leave', onConfirm };
  switch (kind) {
    case 'dungeon':
      return cleared
        ? {
            ...base,
            title: 'Leave the dungeon?',
            message: 'The boss is down: you can leave freely. You go back to where you stood.',
          }
        : {
            ...base,
            danger: true,
            title: 'Leave the dungeon?',
            message:
              'Leaving before the boss falls bars you from queueing for a while (longer each time), and the group gets a replacement.',
          };
    case 'arena':
      return {
        ...base,
        danger: true,
        title: 'Leave the arena?',
        message:
          'You are out of the fight: your team may lose by forfeit, and leavers are barred from queueing for a while.',
      };
    case 'raid':
      return {
        ...base,
        danger: true,
        title: 'Leave the raid?',
        message: 'Your group goes on without you. You go back to where you stood.',
      };
  }
}

/** What the player hears once the sim let them out. */
export function leftText(res: InstanceLeaveResult): { kind: ToastKind; text: string } {
  if (res.penaltyMs === null) return { kind: 'info', text: `Leaving for ${res.zoneName}…` };
  return {
    kind: 'warn',
    text: `You left before the boss fell: you can queue again in ${formatWait(res.penaltyMs)}.`,
  };
}

const ROLE: Record<GroupRole, string> = { tank: 'tank', damage: 'damage', support: 'support' };

/** The toast of a group change: who left (a replacement looked for), was found, joined. */
export function rosterToast(msg: InstanceRosterMsg): { kind: ToastKind; text: string } {
  const as = msg.role ? ` (${ROLE[msg.role]})` : '';
  switch (msg.event) {
    case 'left':
      return {
        kind: 'warn',
        text: msg.searching
          ? `${msg.name}${as} left the group: looking for a replacement…`
          : `${msg.name} left the group.`,
      };
    case 'found':
      return { kind: 'info', text: `Replacement found: ${msg.name}${as} is on the way.` };
    case 'joined':
      return { kind: 'success', text: `${msg.name}${as} joined the group.` };
  }
}
