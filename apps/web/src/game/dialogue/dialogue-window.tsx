'use client';
/**
 * The conversation window (E / click a contact → store.dialogue): who you talk
 * to, what they said (typed out), your numbered answers (keys 1–9), skill-check
 * odds before and the roll after, and beside it the contact's quest offers and
 * turn-ins. The server decides every line; this window only shows and asks.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { contactById, factionById, type DialogueChoiceView } from '@necp/shared';
import { checkOdds, checkTag, TIER_LABEL } from '../quests/format';
import { useReputation } from '../quests/use-quests';
import { GameWindow } from '../hud/game-window';
import { bindingOf, keyFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { OutcomeLines } from './outcome-lines';
import { OfferCard, ReceivedCard, TurnInCard } from './quest-cards';
import { Typewriter } from './typewriter';
import { useConversation, type TranscriptLine } from './use-conversation';
import { useDialogueKeys } from './use-dialogue-keys';

export function DialogueWindow() {
  const dialogue = useGame((s) => s.dialogue);
  if (!dialogue) return null;
  // keyed: another contact is a new conversation
  return <Conversation key={dialogue.contactId} contactId={dialogue.contactId} />;
}

/** Initials on the contact's badge: "Regina Jones" → "RJ". */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

function Conversation({ contactId }: { contactId: string }) {
  const close = useGame((s) => s.closeDialogue);
  // trading from the conversation: the vendor window replaces it
  const openVendor = useGame((s) => s.openVendor);
  const c = useConversation(contactId);
  const known = contactById(contactId);
  const contact = c.view?.contact ?? (known && { ...known, vendor: !!known.vendorId });
  const faction = contact ? factionById(contact.factionId) : undefined;
  const standing = useReputation().data?.find((f) => f.factionId === contact?.factionId);
  const [openOffer, setOpenOffer] = useState<string | null>(null);

  const choices = c.view?.node.choices ?? [];
  const ended = c.view?.ended ?? false;
  useDialogueKeys((i) => {
    if (ended) return i === 0 && close();
    const choice = choices[i];
    if (choice && !choice.locked) void c.choose(choice.id);
  });

  const offers = c.view?.offers ?? [];
  const turnIns = c.view?.turnIns ?? [];
  const expanded = openOffer ?? offers[0]?.id ?? null;
  const hasSide = offers.length > 0 || turnIns.length > 0 || c.received !== null;

  return (
    <GameWindow
      title="conversation"
      hotkey={keyFace('escape')}
      testId="dialogue-window"
      className={`gwin--dialogue${hasSide ? ' has-side' : ''}`}
      onClose={close}
    >
      <div className="dlg" data-contact-id={contactId} data-busy={c.busy}>
        <div className="dlg__main">
          <header className="dlg__who">
            <span className="dlg__badge" aria-hidden>
              {contact ? initials(contact.name) : '…'}
            </span>
            <div className="dlg__names">
              <p className="dlg__name" data-testid="dialogue-contact">
                {contact?.name ?? '…'}
              </p>
              <p className="dlg__title">
                {contact?.title}
                {faction && (
                  <>
                    {' · '}
                    <span className="dlg__faction">{faction.name}</span>
                  </>
                )}
                {standing && (
                  <span className={`tier tier--${standing.tier}`}>{TIER_LABEL[standing.tier]}</span>
                )}
              </p>
            </div>
            {contact?.vendor && (
              <button
                type="button"
                className="btn btn--small dlg__trade"
                data-testid="dialogue-trade"
                onClick={() => openVendor(contactId)}
              >
                Trade
              </button>
            )}
          </header>

          <Transcript lines={c.lines} />

          {!c.view ? (
            <p className="dlg__wait">Connecting…</p>
          ) : ended ? (
            <ol className="dlg__choices">
              <li>
                <button
                  type="button"
                  className="dlg-choice dlg-choice--bye"
                  data-testid="dialogue-goodbye"
                  onClick={close}
                >
                  <kbd>{CHOICE_FACES[0]}</kbd>
                  <span className="dlg-choice__text">Goodbye.</span>
                </button>
              </li>
            </ol>
          ) : (
            <ol className="dlg__choices" data-testid="dialogue-choices">
              {choices.map((ch, i) => (
                <Choice
                  key={ch.id}
                  n={i + 1}
                  choice={ch}
                  busy={c.busy}
                  onPick={() => void c.choose(ch.id)}
                />
              ))}
            </ol>
          )}
        </div>

        {hasSide && (
          <aside className="dlg__side" aria-label="Quests">
            {c.received && <ReceivedCard r={c.received} onDismiss={c.dismissReceived} />}
            {turnIns.map((q) => (
              <TurnInCard
                key={q.id}
                q={q}
                busy={c.busy}
                onComplete={(choice) => void c.turnIn(q, choice)}
              />
            ))}
            {offers.length > 0 && <p className="dlg__side-h">Work on offer</p>}
            {offers.map((q) => (
              <OfferCard
                key={q.id}
                q={q}
                open={expanded === q.id}
                onToggle={() => setOpenOffer(expanded === q.id ? '' : q.id)}
                busy={c.busy}
                onAccept={() => void c.accept(q)}
              />
            ))}
          </aside>
        )}
      </div>
    </GameWindow>
  );
}

function Transcript({ lines }: { lines: TranscriptLine[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);
  const lastThem = [...lines].reverse().find((l) => l.who === 'them')?.id;
  return (
    <div className="dlg__log" ref={ref} data-testid="dialogue-log">
      {lines.map((l) => (
        <div
          key={l.id}
          className={`dlg-line dlg-line--${l.who}${l.id === lastThem ? ' is-current' : ''}`}
        >
          {l.text && (
            <p
              className="dlg-line__text"
              data-testid={l.id === lastThem ? 'dialogue-text' : undefined}
            >
              {l.who === 'you' && <span className="dlg-line__you">You: </span>}
              {l.id === lastThem ? <Typewriter text={l.text} /> : l.text}
            </p>
          )}
          <OutcomeLines outcomes={l.outcomes} seq={l.id} />
        </div>
      ))}
    </div>
  );
}

/** The number keys that pick a choice, as the key table prints them (no key past the ninth). */
const CHOICE_FACES = bindingOf('choice').faces;

function Choice({
  n,
  choice,
  busy,
  onPick,
}: {
  n: number;
  choice: DialogueChoiceView;
  busy: boolean;
  onPick: () => void;
}) {
  const check = choice.check;
  const odds = check ? checkOdds(check.chance) : undefined;
  return (
    <li>
      <button
        type="button"
        className={`dlg-choice${choice.locked ? ' is-locked' : ''}${check ? ` has-check odds--${odds}` : ''}`}
        data-testid="dialogue-choice"
        data-choice-id={choice.id}
        data-locked={!!choice.locked}
        data-check={check ? 'true' : undefined}
        disabled={!!choice.locked || busy}
        title={choice.locked}
        onClick={onPick}
      >
        <kbd>{CHOICE_FACES[n - 1] ?? ''}</kbd>
        {check && (
          <span
            className="dlg-choice__check"
            style={{ '--chance': check.chance } as CSSProperties}
            title={`d20 ${check.modifier >= 0 ? '+' : '−'} ${Math.abs(check.modifier)} vs DC ${check.difficulty}: ${Math.round(check.chance * 100)}% to succeed`}
          >
            [{checkTag(check)}]{check.rolled && ' · rolled'}
          </span>
        )}
        <span className="dlg-choice__text">{choice.text}</span>
        {choice.locked && <span className="dlg-choice__why">⊘ {choice.locked}</span>}
      </button>
    </li>
  );
}
