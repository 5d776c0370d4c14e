/** What the HUD asks of the world: use what is in front of you, the terminals, a contact, the metro. */
import type { Interactions } from './interactions';
import type { ZoneTransitions } from './zone-transitions';

export interface WorldHudCommands {
  /** F: pick up or open what is in reach */
  interact: () => void;
  toggleBank: () => void;
  /** M / E / clicking a mail terminal: the mailbox opens only beside one */
  toggleMail: () => void;
  toggleAuction: () => void;
  toggleCrafting: () => void;
  /** E / click a contact: talk to the given contact, else the nearest one in range */
  talk: (contactId?: string) => void;
  /** metro: ride from the station in range to another district (zone:travel) */
  travel: (toZoneId: string) => Promise<boolean>;
}

export const worldHudCommands = (
  client: () => { interactions: Interactions; transitions: ZoneTransitions } | null,
): WorldHudCommands => ({
  interact: () => client()?.interactions.interact(),
  toggleBank: () => client()?.interactions.toggleBank(),
  toggleMail: () => client()?.interactions.toggleMail(),
  toggleAuction: () => client()?.interactions.toggleAuction(),
  toggleCrafting: () => client()?.interactions.toggleCrafting(),
  talk: (contactId) => client()?.interactions.talk(contactId),
  travel: (toZoneId) => client()?.transitions.travel(toZoneId) ?? Promise.resolve(false),
});
