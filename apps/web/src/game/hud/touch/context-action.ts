/**
 * What the touch "use" button does: exactly what E does (talk to a contact, ride
 * the metro at a station, open the bank at a terminal, else pick up / open what is
 * in reach), from the same pure rule the hotkeys use.
 */
import { contextKeyAction } from '../../input/key-actions';
import type { GameStore } from '../../store/game-store';
import type { GameCommands } from '../game-session';

export function runContextAction(store: GameStore, commands: GameCommands) {
  const s = store.getState();
  if (s.kicked || s.fatal || s.ride || s.menuOpen || s.dialog) return;
  switch (contextKeyAction(s)) {
    case 'talk':
      return commands.talk();
    case 'metro':
      if (s.panels.travel) return s.setPanel('travel', false);
      return s.setPanel('travel', true);
    case 'bank':
      return commands.toggleBank();
    case 'mail':
      return commands.toggleMail();
    case 'auction':
      return commands.toggleAuction();
    case 'crafting':
      return commands.toggleCrafting();
    case 'interact':
      return commands.interact();
  }
}
