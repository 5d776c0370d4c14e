'use client';
/**
 * What the keys do here, bottom centre: "F Pick up …" / "F Open …" (a drop not
 * yours yet offers no key: "⛒ Mantis Blades Reserved for Kira — free in 23 s"), "E Talk to
 * Regina Jones (Fixer)", "E Ride the metro", "E Use bank terminal", "E Check mail".
 * E goes to the first of contact → metro → bank → mail (input/key-actions.ts); the
 * others show their own keys (T, B, M). Every row is also a button. On touch the
 * rows name the touch control instead ("Tap TALK": the use button's face).
 */
import type { CSSProperties } from 'react';
import {
  contextKeyAction,
  hintControl,
  type ContextKeyAction,
  type HintRow,
} from '../input/key-actions';
import { rarityColor } from '../items/rarity';
import { useGameSession } from './game-session';
import { useGame } from './store-context';
import { useTouchInput } from './touch/use-touch-input';

/** The key, or on touch "Tap" and the use button's face, that a row answers to. */
function HintKey({ row, e, touch }: { row: HintRow; e: ContextKeyAction; touch: boolean }) {
  const c = hintControl(row, e, touch);
  if (!c.tap) return <kbd data-testid="hint-key">{c.label}</kbd>;
  return (
    <span className="hint__tap" data-testid="hint-key">
      Tap{c.label && <span className="hint__use">{c.label}</span>}
    </span>
  );
}

/** The terminals' rows: one shape (key, verb, the terminal's name; a click opens its window). */
const TERMINAL_HINTS = [
  { row: 'bank', verb: 'Use', cls: 'hint__bank', testId: 'hint-bank', toggle: 'toggleBank' },
  { row: 'mail', verb: 'Check mail', cls: 'hint__mail', testId: 'hint-mail', toggle: 'toggleMail' },
  {
    row: 'auction',
    verb: 'Trade at',
    cls: 'hint__auction',
    testId: 'hint-auction',
    toggle: 'toggleAuction',
  },
  {
    row: 'crafting',
    verb: 'Craft at',
    cls: 'hint__auction',
    testId: 'hint-crafting',
    toggle: 'toggleCrafting',
  },
] as const satisfies readonly {
  row: HintRow;
  verb: string;
  cls: string;
  testId: string;
  toggle: 'toggleBank' | 'toggleMail' | 'toggleAuction' | 'toggleCrafting';
}[];

export function InteractionHint() {
  const reach = useGame((s) => s.reach);
  const bank = useGame((s) => s.bankNear);
  const bankOpen = useGame((s) => s.panels.bank);
  const mail = useGame((s) => s.mailNear);
  const mailOpen = useGame((s) => s.panels.mail);
  const auction = useGame((s) => s.auctionNear);
  const auctionOpen = useGame((s) => s.panels.auction);
  const bench = useGame((s) => s.craftNear);
  const benchOpen = useGame((s) => s.panels.crafting);
  const contact = useGame((s) => s.contactNear);
  const talkingTo = useGame((s) => s.dialogue?.contactId ?? s.vendorContactId);
  const station = useGame((s) => s.stationNear);
  const travelOpen = useGame((s) => s.panels.travel);
  const setPanel = useGame((s) => s.setPanel);
  const riding = useGame((s) => s.ride !== null);
  const { commands } = useGameSession();
  const touch = useTouchInput();

  const e = contextKeyAction({
    contactNear: contact,
    stationNear: station,
    bankNear: bank,
    mailNear: mail,
    auctionNear: auction,
    craftNear: bench,
    panels: { bank: bankOpen, mail: mailOpen, auction: auctionOpen, crafting: benchOpen },
  });
  const showContact = contact && talkingTo !== contact.id;
  const showStation = station && !travelOpen;
  // a terminal's row shows while its window is closed
  const shown = {
    bank: bankOpen ? null : bank,
    mail: mailOpen ? null : mail,
    auction: auctionOpen ? null : auction,
    crafting: benchOpen ? null : bench,
  };
  const terminal = TERMINAL_HINTS.find((t) => shown[t.row])?.row;
  const anything = reach || showContact || showStation || terminal;
  if (riding || !anything) return null;
  const kind = reach?.kind ?? (showContact ? 'contact' : showStation ? 'metro' : terminal);
  return (
    <div className="hint" data-testid="interaction-hint" data-kind={kind}>
      {reach?.kind === 'drop' &&
        (reach.locked ? (
          <p className="hint__row hint__row--locked" data-testid="hint-reserved">
            <span className="hint__lock">⛒</span>
            <b style={{ '--rarity': rarityColor(reach.rarity) } as CSSProperties}>{reach.name}</b>
            <span className="muted">{reach.reserved}</span>
          </p>
        ) : (
          <button type="button" className="hint__row" onClick={commands.interact}>
            <HintKey row="pickup" e={e} touch={touch} /> Pick up
            <b style={{ '--rarity': rarityColor(reach.rarity) } as CSSProperties}>{reach.name}</b>
            {reach.quantity > 1 && <span className="muted">×{reach.quantity}</span>}
          </button>
        ))}
      {reach?.kind === 'crate' && (
        <button type="button" className="hint__row" onClick={commands.interact}>
          <HintKey row="pickup" e={e} touch={touch} /> Open{' '}
          <b className="hint__crate">{reach.name}</b>
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
          <HintKey row="talk" e={e} touch={touch} /> Talk to{' '}
          <b className="hint__contact">{contact.name}</b>
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
          <HintKey row="metro" e={e} touch={touch} />
          <span className="hint__metro" aria-hidden>
            M
          </span>
          Ride the metro
          <span className="hint__title">{station.name}</span>
        </button>
      )}
      {TERMINAL_HINTS.map((t) => {
        const near = shown[t.row];
        if (!near) return null;
        return (
          <button
            key={t.row}
            type="button"
            className="hint__row"
            data-testid={t.testId}
            onClick={() => commands[t.toggle]()}
          >
            <HintKey row={t.row} e={e} touch={touch} /> {t.verb}{' '}
            <b className={t.cls}>{near.name}</b>
          </button>
        );
      })}
    </div>
  );
}
