'use client';
/**
 * What the keys do here, bottom centre: "F Pick up …" / "F Open …", "E Talk to
 * Regina Jones (Fixer)", "E Ride the metro", "E Use bank terminal", "E Check mail".
 * E goes to the first of contact → metro → bank → mail (input/key-actions.ts); the
 * others show their own keys (T, B, M). Every row is also a button.
 */
import type { CSSProperties } from 'react';
import { contextKeyAction } from '../input/key-actions';
import { rarityColor } from '../items/rarity';
import { useGameSession } from './game-session';
import { useGame } from './store-context';

export function InteractionHint() {
  const reach = useGame((s) => s.reach);
  const bank = useGame((s) => s.bankNear);
  const bankOpen = useGame((s) => s.panels.bank);
  const mail = useGame((s) => s.mailNear);
  const mailOpen = useGame((s) => s.panels.mail);
  const contact = useGame((s) => s.contactNear);
  const talkingTo = useGame((s) => s.dialogue?.contactId ?? s.vendorContactId);
  const station = useGame((s) => s.stationNear);
  const travelOpen = useGame((s) => s.panels.travel);
  const setPanel = useGame((s) => s.setPanel);
  const riding = useGame((s) => s.ride !== null);
  const { commands } = useGameSession();

  const e = contextKeyAction({
    contactNear: contact,
    stationNear: station,
    bankNear: bank,
    mailNear: mail,
    panels: { bank: bankOpen, mail: mailOpen },
  });
  const showContact = contact && talkingTo !== contact.id;
  const showStation = station && !travelOpen;
  const showBank = bank && !bankOpen;
  const showMail = mail && !mailOpen;
  if (riding || (!reach && !showContact && !showStation && !showBank && !showMail)) return null;
  const kind =
    reach?.kind ?? (showContact ? 'contact' : showStation ? 'metro' : showBank ? 'bank' : 'mail');
  return (
    <div className="hint" data-testid="interaction-hint" data-kind={kind}>
      {reach?.kind === 'drop' &&
        (reach.locked ? (
          <p className="hint__row hint__row--locked">
            <span className="hint__lock">⛒</span>
            <b style={{ '--rarity': rarityColor(reach.rarity) } as CSSProperties}>{reach.name}</b>
            <span className="muted">— not yours yet</span>
          </p>
        ) : (
          <button type="button" className="hint__row" onClick={commands.interact}>
            <kbd>F</kbd> Pick up
            <b style={{ '--rarity': rarityColor(reach.rarity) } as CSSProperties}>{reach.name}</b>
            {reach.quantity > 1 && <span className="muted">×{reach.quantity}</span>}
          </button>
        ))}
      {reach?.kind === 'crate' && (
        <button type="button" className="hint__row" onClick={commands.interact}>
          <kbd>F</kbd> Open <b className="hint__crate">{reach.name}</b>
        </button>
      )}
      {showContact && (
        <button
          type="button"
          className="hint__row hint__row--contact"
          data-testid="hint-talk"
          data-contact-id={contact.id}
          onClick={() => commands.talk(contact.id)}
        >
          <kbd>E</kbd> Talk to <b className="hint__contact">{contact.name}</b>
          {contact.title && <span className="hint__title">({contact.title})</span>}
        </button>
      )}
      {showStation && (
        <button
          type="button"
          className="hint__row hint__row--metro"
          data-testid="hint-metro"
          onClick={() => setPanel('travel', true)}
        >
          <kbd>{e === 'metro' ? 'E' : 'T'}</kbd>
          <span className="hint__metro" aria-hidden>
            M
          </span>
          Ride the metro
          <span className="hint__title">{station.name}</span>
        </button>
      )}
      {showBank && (
        <button type="button" className="hint__row" onClick={commands.toggleBank}>
          <kbd>{e === 'bank' ? 'E' : 'B'}</kbd> Use <b className="hint__bank">{bank.name}</b>
        </button>
      )}
      {showMail && (
        <button
          type="button"
          className="hint__row"
          data-testid="hint-mail"
          onClick={commands.toggleMail}
        >
          <kbd>{e === 'mail' ? 'E' : 'M'}</kbd> Check mail <b className="hint__mail">{mail.name}</b>
        </button>
      )}
    </div>
  );
}
