/** The party's part of the game store: the party, its vitals, invitations and loot cards. */
import type {
  LootAssignStartMsg,
  LootRollStartMsg,
  PartyInvitedMsg,
  PartyViewMsg,
} from '@necp/shared';
import type { Slice } from '../store/slice';
import {
  addAssign,
  addInvite,
  addRoll,
  applyPartyUpdate,
  applyPartyVitals,
  dropLootCard,
  initialPartyState,
  removeInvite,
  type PartyState,
} from './party-state';

export interface PartySliceState {
  /** the party, its members' vitals and invitations waiting (party-state.ts) */
  party: PartyState;
  /** the right-click menu of a player on the map (or a party frame) */
  playerMenu: PlayerMenuState | null;
}

/** Who the player menu is for, and where it opened (viewport pixels). */
export interface PlayerMenuState {
  x: number;
  y: number;
  name: string;
  /** known when opened from a party frame: kick and promote need it */
  memberId?: string;
}

export interface PartySliceActions {
  partyUpdate: (party: PartyViewMsg | null) => void;
  partyVitals: (msg: unknown) => void;
  partyInvited: (invite: PartyInvitedMsg) => void;
  partyInviteDone: (inviteId: string) => void;
  lootRollStart: (msg: LootRollStartMsg) => void;
  lootAssignStart: (msg: LootAssignStartMsg) => void;
  lootCardDone: (dropId: string) => void;
  setPlayerMenu: (menu: PlayerMenuState | null) => void;
}

export const partySlice: Slice<PartySliceState & PartySliceActions> = (set, get) => ({
  party: initialPartyState(),
  playerMenu: null,
  partyUpdate: (party) => set({ party: applyPartyUpdate(get().party, party) }),
  partyVitals: (msg) => set({ party: applyPartyVitals(get().party, msg, Date.now()) }),
  partyInvited: (invite) => set({ party: addInvite(get().party, invite) }),
  partyInviteDone: (inviteId) => set({ party: removeInvite(get().party, inviteId) }),
  lootRollStart: (msg) => set({ party: addRoll(get().party, msg) }),
  lootAssignStart: (msg) => set({ party: addAssign(get().party, msg) }),
  lootCardDone: (dropId) => set({ party: dropLootCard(get().party, dropId) }),
  setPlayerMenu: (playerMenu) => set({ playerMenu }),
});
