'use client';
/**
 * One line of the chat window: time, [channel], sender (a button that whispers
 * them), the text with its item links, and the ⚑ that reports it. Apart from the
 * window so the window is only about tabs, input and size.
 */
import type { CSSProperties } from 'react';
import type { ChatChannel, ChatItemLink } from '@necp/shared';
import { linePieces } from './item-links';
import { RARITY_LABEL, rarityColor } from '../items/rarity';
import { fromOther, type ChatLine } from './chat-log';

export const CHANNEL_LABEL: Record<ChatChannel, string> = {
  global: 'Global',
  trade: 'Trade',
  district: 'District',
  say: 'Say',
  party: 'Party',
  guild: 'Guild',
  whisper: 'Whisper',
  system: 'System',
};

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 5);

interface LineProps {
  line: ChatLine;
  selfId: string;
  onName: (name: string) => void;
  onReport: (messageId: string) => void;
}

export function Line({ line, selfId, onName, onReport }: LineProps) {
  const other = fromOther(line, selfId);
  const name = (n: string) => (
    <button type="button" className="chat__name" title={`Whisper ${n}`} onClick={() => onName(n)}>
      {n}
    </button>
  );
  let who = null;
  if (line.local) who = null;
  else if (line.channel === 'whisper')
    who = other ? (
      <>
        {line.from && name(line.from)} <span className="chat__verb">whispers:</span>{' '}
      </>
    ) : (
      <>
        <span className="chat__verb">To</span> {line.to && name(line.to)}:{' '}
      </>
    );
  else if (line.from)
    who = (
      <>{other ? name(line.from) : <span className="chat__name is-self">{line.from}</span>}: </>
    );
  return (
    <li
      className={`chat__line chat__line--${line.channel}${line.local ? ` chat__line--${line.local}` : ''}`}
      data-testid="chat-line"
      data-channel={line.channel}
      data-kind={line.local ?? (other ? 'other' : 'self')}
      data-id={line.id}
    >
      <time className="chat__time" dateTime={new Date(line.at).toISOString()}>
        {clock(line.at)}
      </time>{' '}
      {!line.local && <span className="chat__chan">[{CHANNEL_LABEL[line.channel]}]</span>} {who}
      <span className="chat__text">
        {linePieces(line.text, line.links).map((p, i) =>
          'link' in p ? <ItemLinkChip key={i} link={p.link} /> : <span key={i}>{p.text}</span>,
        )}
      </span>
      {other && !line.reported && (
        <button
          type="button"
          className="chat__report"
          aria-label={`Report this message${line.from ? ` from ${line.from}` : ''}`}
          title="Report to the moderators"
          onClick={() => onReport(line.id)}
        >
          ⚑
        </button>
      )}
    </li>
  );
}

/** A linked item in a line: its [Name] in its rarity's colour, the item as it was on hover. */
function ItemLinkChip({ link }: { link: ChatItemLink }) {
  const style = { '--rarity': rarityColor(link.rarity) } as CSSProperties;
  return (
    <span className="chat__link" style={style} tabIndex={0} data-testid="chat-item-link">
      [{link.name}]
      <span className="chat__link-tip" role="tooltip">
        <b className="chat__link-name">{link.name}</b>
        <span className="chat__link-rarity">{RARITY_LABEL[link.rarity]}</span>
        {link.quantity > 1 && <span>Quantity {link.quantity}</span>}
        {link.durability !== null && link.maxDurability !== null && (
          <span>
            Durability {link.durability} / {link.maxDurability}
          </span>
        )}
        <span className="chat__link-note">as it was when linked</span>
      </span>
    </span>
  );
}
