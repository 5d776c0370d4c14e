/** What the HUD asks of the party: invites, the roster, loot rules and rolls (party/party-commands.ts; outcomes are toasts). */
import type { LootChoice, LootMode, PartyInvitedMsg, Rarity } from '@necp/shared';
import type { PartyCommands } from './party-commands';
import type { GameStore } from '../store/game-store';

export interface PartyHudCommands {
  partyInvite: (name: string) => Promise<boolean>;
  partyAccept: (invite: PartyInvitedMsg) => Promise<boolean>;
  partyDecline: (invite: PartyInvitedMsg) => Promise<boolean>;
  partyLeave: () => Promise<boolean>;
  partyDisband: () => Promise<boolean>;
  partyKick: (memberId: string, name: string) => Promise<boolean>;
  partyPromote: (memberId: string, name: string) => Promise<boolean>;
  /** party loot: the leader's mode, a roll answer, a gift (leader mode), keeping one */
  setLootMode: (mode: LootMode, threshold?: Rarity) => Promise<boolean>;
  lootRoll: (dropId: string, choice: LootChoice) => Promise<boolean>;
  lootAssign: (dropId: string, memberId: string, name: string) => Promise<boolean>;
  lootKeep: (dropId: string) => void;
}

export const partyHudCommands = (
  client: () => { party: PartyCommands } | null,
  store: GameStore,
): PartyHudCommands => {
  const no = Promise.resolve(false);
  const party = () => client()?.party;
  return {
    partyInvite: (name) => party()?.invite(name) ?? no,
    partyAccept: (inv) => party()?.accept(inv) ?? no,
    partyDecline: (inv) => party()?.decline(inv) ?? no,
    partyLeave: () => party()?.leave() ?? no,
    partyDisband: () => party()?.disband() ?? no,
    partyKick: (id, name) => party()?.kick(id, name) ?? no,
    partyPromote: (id, name) => party()?.promote(id, name) ?? no,
    setLootMode: (mode, threshold) => party()?.setLootMode(mode, threshold) ?? no,
    lootRoll: (dropId, choice) => party()?.roll(dropId, choice) ?? no,
    lootAssign: (dropId, memberId, name) => party()?.assign(dropId, memberId, name) ?? no,
    lootKeep: (dropId) => store.getState().lootCardDone(dropId),
  };
};
