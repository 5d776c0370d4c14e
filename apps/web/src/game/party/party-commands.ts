/**
 * Party commands to the sim (party:invite / accept / decline / leave / kick /
 * promote / disband). The sim pushes the result to every member as party:update,
 * so these only report: a refusal or a confirmation, as a toast — or as a chat line
 * when the command was typed in the chat (/invite name).
 */
import {
  LOOT_MODE_LABEL,
  type LootChoice,
  type LootMode,
  type PartyInvitedMsg,
  type PartyViewMsg,
  type Rarity,
} from '@necp/shared';
import type { GameStore } from '../store/game-store';
import { sendCommand } from '../net/ack';
import { rollResultText } from './loot-text';
import type { Pushes } from '../net/push-receiver';
import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';

type PartyEvent =
  | 'party:invite'
  | 'party:accept'
  | 'party:decline'
  | 'party:leave'
  | 'party:kick'
  | 'party:promote'
  | 'party:disband'
  | 'party:loot_mode'
  | 'loot:roll'
  | 'loot:assign';

/** where a command's outcome is told */
export type Say = (kind: 'info' | 'warn' | 'success', text: string) => void;

export interface PartyCommandDeps {
  socket: () => SimSocket | null;
  store: GameStore;
  /** the own character (who won a roll) */
  selfId?: string;
}

export class PartyCommands implements SocketFeature {
  constructor(private deps: PartyCommandDeps) {}

  /**
   * The party: membership on entering and after every change, vitals each second,
   * invitations; party loot: rolls to answer, how they went, gifts for the leader to hand out.
   */
  wire(pushes: Pushes): void {
    pushes.on('party:update', (msg) => this.store.partyUpdate(msg.party));
    pushes.on('party:vitals', (msg) => this.store.partyVitals(msg));
    // stamped in server time: their cards count down on the server clock (time/)
    pushes.on('party:invited', (msg) => this.store.partyInvited(msg));
    pushes.on('loot:roll_start', (msg) => this.store.lootRollStart(msg));
    pushes.on('loot:roll_result', (msg) => {
      this.store.lootCardDone(msg.dropId);
      this.store.chatNotice('info', rollResultText(msg));
      if (msg.winnerId === this.deps.selfId) this.store.toast('success', `You won ${msg.name}.`);
    });
    pushes.on('loot:assign_start', (msg) => this.store.lootAssignStart(msg));
    pushes.on('loot:given', (msg) => {
      this.store.toast('success', `${msg.from} gave you ${msg.name}: pick it up.`);
    });
  }

  private get store() {
    return this.deps.store.getState();
  }

  /** outcomes as toasts (the default) */
  readonly toast: Say = (kind, text) => this.store.toast(kind, text);

  /** outcomes as chat lines (commands typed in the chat) */
  readonly chatLine: Say = (kind, text) =>
    this.store.chatNotice(kind === 'warn' ? 'error' : 'info', text);

  private async call<T>(event: PartyEvent, payload: object, say: Say): Promise<T | null> {
    const res = await sendCommand<T>(this.deps.socket(), event, payload);
    if (!res.ok) {
      say('warn', res.error.message);
      return null;
    }
    return (res.data ?? ({} as T)) as T;
  }

  async invite(name: string, say: Say = this.toast): Promise<boolean> {
    const r = await this.call<{ name: string }>('party:invite', { name }, say);
    if (r) say('info', `You invited ${r.name ?? name} to your party.`);
    return r !== null;
  }

  async accept(invite: PartyInvitedMsg): Promise<boolean> {
    this.store.partyInviteDone(invite.inviteId);
    const party = await this.call<PartyViewMsg>(
      'party:accept',
      { inviteId: invite.inviteId },
      this.toast,
    );
    if (!party) return false;
    this.store.partyUpdate(party);
    this.toast('success', `You joined ${invite.from}'s party.`);
    return true;
  }

  async decline(invite: PartyInvitedMsg): Promise<boolean> {
    this.store.partyInviteDone(invite.inviteId);
    return (await this.call('party:decline', { inviteId: invite.inviteId }, this.toast)) !== null;
  }

  async leave(): Promise<boolean> {
    const ok = (await this.call('party:leave', {}, this.toast)) !== null;
    if (ok) this.toast('info', 'You left the party.');
    return ok;
  }

  async kick(memberId: string, name: string): Promise<boolean> {
    const ok = (await this.call('party:kick', { memberId }, this.toast)) !== null;
    if (ok) this.toast('info', `${name} was removed from the party.`);
    return ok;
  }

  async promote(memberId: string, name: string): Promise<boolean> {
    const ok = (await this.call('party:promote', { memberId }, this.toast)) !== null;
    if (ok) this.toast('info', `${name} leads the party now.`);
    return ok;
  }

  async disband(): Promise<boolean> {
    const ok = (await this.call('party:disband', {}, this.toast)) !== null;
    if (ok) this.toast('info', 'The party is disbanded.');
    return ok;
  }

  /** the leader: how drops are shared (and from which rarity rolls / gifts apply) */
  async setLootMode(mode: LootMode, threshold?: Rarity): Promise<boolean> {
    const ok =
      (await this.call(
        'party:loot_mode',
        threshold ? { mode, threshold } : { mode },
        this.toast,
      )) !== null;
    if (ok) this.toast('info', `Loot: ${LOOT_MODE_LABEL[mode]}.`);
    return ok;
  }

  /** need / greed / pass on a drop the party rolls for */
  async roll(dropId: string, choice: LootChoice): Promise<boolean> {
    this.store.lootCardDone(dropId);
    return (await this.call('loot:roll', { dropId, choice }, this.toast)) !== null;
  }

  /** leader mode: give a held drop to a member */
  async assign(dropId: string, memberId: string, name: string): Promise<boolean> {
    const r = await this.call<{ name: string }>('loot:assign', { dropId, memberId }, this.toast);
    if (!r) return false;
    this.store.lootCardDone(dropId);
    this.toast('info', `You gave ${r.name} to ${name}.`);
    return true;
  }
}
